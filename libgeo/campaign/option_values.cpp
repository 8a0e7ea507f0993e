#include "libgeo/campaign/option_values.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"

#include <charconv>
#include <sstream>

namespace geo::campaign {

namespace {

std::vector<std::string> comma_list(std::string_view text)
{
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string item; std::getline(in, item, ',');)
        if (!trim(item).empty()) out.emplace_back(trim(item));
    return out;
}

}  // namespace

options::Value value_from_text(const options::Spec& spec, std::string_view text, int utc_offset_minutes)
{
    using options::Kind;
    const auto refuse = [&](const std::string& what) -> options::Value {
        throw UsageError("--" + std::string(spec.flag) + " '" + std::string(text) + "' " + what, {}, spec.allowed());
    };
    switch (spec.kind) {
    case Kind::number:
    case Kind::whole: {
        const std::string t(trim(text));
        double value = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
        if (t.empty() || ec != std::errc{} || end != t.data() + t.size()) return refuse("is not a number");
        return value;
    }
    case Kind::boolean:
        if (text == "true") return true;
        if (text == "false") return false;
        return refuse("is not true or false");
    case Kind::choice:
    case Kind::text:
        return std::string(trim(text));
    case Kind::texts:
        return comma_list(text);
    case Kind::date: {
        const auto stamp = parse_timestamp(text, utc_offset_minutes);
        if (!stamp) return refuse("is not a date");
        return stamp->seconds;
    }
    case Kind::by_category:
        return refuse("can only be set in the campaign file");
    }
    return {};
}

std::string value_text(const options::Spec& spec, const options::Value& value, int utc_offset_minutes)
{
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, double>)
                return spec.kind == options::Kind::date ? format_local_date(v, utc_offset_minutes) : number_text(v);
            else if constexpr (std::is_same_v<T, bool>)
                return v ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::string>)
                return v;
            else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                std::string out;
                for (const auto& item : v) out += (out.empty() ? "" : ",") + item;
                return out;
            } else if constexpr (std::is_same_v<T, std::map<std::string, double>>) {
                std::string out;
                for (const auto& [name, number] : v) out += (out.empty() ? "" : ", ") + name + " = " + number_text(number);
                return out;
            } else
                return {};
        },
        value);
}

}  // namespace geo::campaign
