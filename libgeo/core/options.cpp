#include "libgeo/core/options.hpp"

#include "libgeo/core/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace geo::options {

std::string Spec::name(std::string_view section) const
{
    std::string out;
    if (!key.empty()) out += (section.empty() ? "" : "[" + std::string(section) + "] ") + std::string(key);
    if (!flag.empty()) out += (out.empty() ? "--" : " / --") + std::string(flag);
    return out;
}

std::optional<std::string> Spec::problem(const Value& value) const
{
    const auto out_of_range = [this](double v) {
        return !(std::isfinite(v) && ((zero_allowed && v == 0.0) || (v >= min && v <= max)));
    };
    switch (kind) {
    case Kind::number:
    case Kind::whole:
        if (const auto* v = std::get_if<double>(&value)) {
            if (out_of_range(*v)) return number_text(*v) + (unit.empty() ? "" : " " + std::string(unit)) + " is out of range";
            if (kind == Kind::whole && *v != std::floor(*v)) return number_text(*v) + " is not a whole number";
        }
        return std::nullopt;
    case Kind::by_category:
        if (const auto* m = std::get_if<std::map<std::string, double>>(&value))
            for (const auto& [name, v] : *m) {
                if (item_ok && !item_ok(name)) return "'" + name + "' is not known";
                if (out_of_range(v)) return name + " = " + number_text(v) + " " + std::string(unit) + " is out of range";
            }
        return std::nullopt;
    case Kind::choice:
        if (const auto* v = std::get_if<std::string>(&value))
            if (std::find(choices.begin(), choices.end(), *v) == choices.end()) return "'" + *v + "' is not known";
        return std::nullopt;
    case Kind::texts:
        if (const auto* items = std::get_if<std::vector<std::string>>(&value))
            for (const auto& item : *items)
                if (item_ok && !item_ok(item)) return "'" + item + "' is not known";
        return std::nullopt;
    case Kind::boolean:
    case Kind::text:
    case Kind::date:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string Spec::allowed() const
{
    const std::string u = unit.empty() ? "" : " " + std::string(unit);
    switch (kind) {
    case Kind::number:
    case Kind::whole:
    case Kind::by_category:
        return "use a value from " + number_text(min) + " to " + number_text(max) + u + (zero_allowed ? " (or 0)" : "");
    case Kind::choice: {
        std::string out = "use one of:";
        for (auto c : choices) out += " " + std::string(c);
        return out;
    }
    case Kind::texts:
        return std::string(item_hint);
    case Kind::boolean:
        return "use true or false";
    case Kind::date:
        return "write dates as 2017-02-20 (or 2017/2/20, 20170220, 2017年2月20日)";
    case Kind::text:
        return {};
    }
    return {};
}

}  // namespace geo::options
