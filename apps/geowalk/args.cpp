#include "args.hpp"

#include "libgeo/core/error.hpp"

#include <algorithm>
#include <charconv>

namespace geowalk {

Args::Args(const std::vector<std::string>& args, const std::vector<std::string>& options,
           const std::vector<std::string>& flags)
{
    auto known = [](const std::vector<std::string>& list, const std::string& name) {
        return std::find(list.begin(), list.end(), name) != list.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            m_values["help"] = "1";
            continue;
        }
        if (!a.starts_with("--")) {
            m_positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::string value;
        const bool inline_value = name.find('=') != std::string::npos;
        if (inline_value) {
            value = name.substr(name.find('=') + 1);
            name = name.substr(0, name.find('='));
        }
        if (known(flags, name)) {
            m_values[name] = "1";
        } else if (known(options, name)) {
            if (!inline_value) {
                if (i + 1 >= args.size()) throw geo::UsageError("--" + name + " needs a value");
                value = args[++i];
            }
            m_values[name] = value;
        } else {
            throw geo::UsageError("unknown option --" + name, {}, "see --help for the options of this command");
        }
    }
}

std::string Args::get(const std::string& name, const std::string& fallback) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

int Args::get_int(const std::string& name, int fallback, int min, int max) const
{
    if (!has(name)) return fallback;
    const std::string text = get(name);
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        throw geo::UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                              std::to_string(max) + ", not '" + text + "'");
    return value;
}

double Args::get_number(const std::string& name, double fallback) const
{
    if (!has(name)) return fallback;
    const std::string text = get(name);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw geo::UsageError("--" + name + " must be a number, not '" + text + "'");
    return value;
}

}  // namespace geowalk
