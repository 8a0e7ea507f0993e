#include "option_flags.hpp"

#include <sstream>

namespace geowalk {

namespace {

// What the value of a flag looks like in its help line.
std::string placeholder(const geo::options::Spec& spec)
{
    using geo::options::Kind;
    switch (spec.kind) {
    case Kind::number: return spec.unit == "m" ? "M" : spec.unit == "days" ? "D" : "X";
    case Kind::whole: return "N";
    case Kind::choice: {
        std::string out;
        for (auto c : spec.choices) out += (out.empty() ? "" : "|") + std::string(c);
        return out;
    }
    case Kind::text: return "FIELD";
    case Kind::texts: return "LIST";
    case Kind::date: return "DATE";
    case Kind::boolean:
    case Kind::by_category: return {};
    }
    return {};
}

// `text` in lines of at most `width` columns, each after `indent` spaces but the first.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t width)
{
    std::istringstream words(text);
    std::string out, line;
    for (std::string word; words >> word;) {
        if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
            out += line + "\n" + std::string(indent, ' ');
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
}

}  // namespace

std::string flags_help_lines(std::span<const geo::options::Spec> specs, const std::vector<geo::options::Value>& defaults,
                             const FlagsLeftOut& left_out)
{
    constexpr std::size_t help_column = 25, line_width = 112;
    std::ostringstream out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const auto& spec = specs[i];
        if (spec.flag.empty() || std::ranges::find(left_out, spec.flag) != left_out.end()) continue;
        std::string head = "  --" + std::string(spec.flag);
        if (const std::string p = placeholder(spec); !p.empty()) head += " " + p;
        std::string help(spec.help);
        const bool is_switch = spec.kind == geo::options::Kind::boolean;
        const std::string fallback = geo::campaign::value_text(spec, defaults[i], 480);
        if (!is_switch && !fallback.empty()) help += " (default " + fallback + (spec.unit == "m" ? " m" : "") + ")";
        if (spec.kind == geo::options::Kind::texts) help += "; comma-separated";
        // A long head (a choice's names) puts its help on the next line, in the column.
        out << head << (head.size() < help_column ? std::string(help_column - head.size(), ' ')
                                                  : "\n" + std::string(help_column, ' '))
            << wrapped(help, help_column, line_width) << "\n";
    }
    return out.str();
}

std::string settings_text(std::string_view section, std::span<const geo::options::Spec> specs,
                          const std::vector<geo::options::Value>& values, int utc_offset_minutes)
{
    std::string out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const auto& spec = specs[i];
        if (spec.key.empty()) continue;
        std::string value = geo::campaign::value_text(spec, values[i], utc_offset_minutes);
        if (value.empty()) value = "(none)";
        else if (spec.kind == geo::options::Kind::number && !spec.unit.empty()) value += " " + std::string(spec.unit);
        out += "  [" + std::string(section) + "] " + std::string(spec.key) + " = " + value + "\n";
    }
    return out;
}

}  // namespace geowalk
