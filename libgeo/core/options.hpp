#pragma once
// Options declared once. Each analysis (and the run itself) describes its options in one table: the campaign file
// key, the command-line flag, the kind of value, the unit, the allowed range or choices, the help text, and where
// the value lives in its options struct. Everything else is derived from that table: the campaign file parser and
// the command-line parser (campaign/option_values.hpp, one conversion and range check for both), `--help`,
// `geowalk validate`, summary.json's `options` section and the README's key table (checked by a test). The default
// is the struct's own member initialiser, read back through the table, so it too is written once.
#include "libgeo/core/error.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace geo::options {

// One name of an enum value: an analysis keeps the names of its choices as an array of these, which its option
// table, its parse and name functions and its file metadata all read.
template <class E>
struct Named {
    E value;
    std::string_view name;
};

// The name of `value` in `names` ("?" when it has none) and the value named `name` (none when no value has it).
template <class E, std::size_t N>
std::string_view name_of(const std::array<Named<E>, N>& names, E value)
{
    for (const auto& n : names)
        if (n.value == value) return n.name;
    return "?";
}
template <class E, std::size_t N>
std::optional<E> value_named(const std::array<Named<E>, N>& names, std::string_view name)
{
    for (const auto& n : names)
        if (n.name == name) return n.value;
    return std::nullopt;
}

enum class Kind {
    number,       // a real number within [min, max] (0 also when zero_allowed)
    whole,        // a whole number within [min, max]
    boolean,      // true or false; on the command line a switch that sets switch_value
    choice,       // one of `choices` by name
    text,         // free text (a field name)
    texts,        // a list of texts (TOML array; comma-separated on the command line), each checked by item_ok
    date,         // a local date or time, read in the campaign's time zone; held as UTC seconds
    by_category,  // a TOML table walk category -> number (within [min, max]); campaign file only
};

// A value on its way between a parser and an options struct. monostate: not set (an option without a default).
using Value = std::variant<std::monostate, double, bool, std::string, std::vector<std::string>, std::map<std::string, double>>;

// What an option is, for parsers, help texts, documents and checks; independent of the struct it binds.
struct Spec {
    std::string_view key{};   // in the campaign file's section; empty: command line only
    std::string_view flag{};  // on the command line without "--"; empty: campaign file only
    Kind kind = Kind::number;
    std::string_view unit{};  // "m", "days", "" (shown in help, part of the meaning)
    std::string_view help{};  // one or two sentences, for --help and the README
    double min = 0, max = 0;     // number, whole, by_category
    bool zero_allowed = false;   // number: 0 (meaning "none" or "automatic", as help says) besides [min, max]
    std::vector<std::string_view> choices{};  // choice: the names
    bool (*item_ok)(std::string_view) = nullptr;  // texts: is one item acceptable
    std::string_view item_hint{};                // texts: what an acceptable item is
    bool switch_value = true;                    // boolean: what the command-line switch sets

    // "[coverage] sight_m / --sight": how a message names the option to the user.
    [[nodiscard]] std::string name(std::string_view section) const;
    // Why `value` is not acceptable (range, choice, item), or nullopt when it is.
    [[nodiscard]] std::optional<std::string> problem(const Value& value) const;
    // The hint that goes with a problem: the range, the choices, or item_hint.
    [[nodiscard]] std::string allowed() const;
};

// Reads and writes a Value into an options struct. Choices come and go as their names, dates as UTC seconds.
template <class Options>
struct Binding {
    std::function<Value(const Options&)> get;
    std::function<void(Options&, const Value&)> set;
};

template <class Options>
struct Option {
    Spec spec;
    Binding<Options> binding;
};

// The options of one section ("coverage", "hotspots", or "" for options of the run that only the command line
// sets), in the order help texts list them.
template <class Options>
class Table {
public:
    Table(std::string_view section, std::vector<Option<Options>> options)
        : m_section(section), m_options(std::move(options))
    {
        for (const auto& o : m_options) m_specs.push_back(o.spec);
    }

    [[nodiscard]] std::string_view section() const { return m_section; }
    [[nodiscard]] std::span<const Spec> specs() const { return m_specs; }
    [[nodiscard]] const Option<Options>& at(std::size_t i) const { return m_options.at(i); }
    [[nodiscard]] std::size_t size() const { return m_options.size(); }

    // Every option's current value in `o`, parallel to specs().
    [[nodiscard]] std::vector<Value> values(const Options& o) const
    {
        std::vector<Value> out;
        out.reserve(m_options.size());
        for (const auto& option : m_options) out.push_back(option.binding.get(o));
        return out;
    }
    // Sets parsed values (index into specs(), value) on `o`, in order.
    void apply(Options& o, const std::vector<std::pair<std::size_t, Value>>& values) const
    {
        for (const auto& [i, value] : values) m_options.at(i).binding.set(o, value);
    }
    // Throws geo::UsageError naming the first option whose value in `o` is out of its range or choices: the one
    // range check, whichever way (campaign file, command line, library call) the value came in.
    void check(const Options& o) const
    {
        for (const auto& option : m_options)
            if (auto why = option.spec.problem(option.binding.get(o)))
                throw UsageError(option.spec.name(m_section) + ": " + *why, {}, option.spec.allowed());
    }

private:
    std::string_view m_section;
    std::vector<Option<Options>> m_options;
    std::vector<Spec> m_specs;
};

// Bindings for the kinds of field an options struct holds. `field` returns a reference to the field in the struct
// (e.g. [](auto& o) -> auto& { return o.kde.radius_m; }); it is called on const structs through get.
template <class Options, class Field>
Binding<Options> bind_number(Field field)
{
    return {[field](const Options& o) { return Value(static_cast<double>(field(const_cast<Options&>(o)))); },
            [field](Options& o, const Value& v) {
                using T = std::remove_reference_t<decltype(field(o))>;
                field(o) = static_cast<T>(std::get<double>(v));
            }};
}

template <class Options, class Field>
Binding<Options> bind_optional_number(Field field)
{
    return {[field](const Options& o) {
                const auto& f = field(const_cast<Options&>(o));
                return f ? Value(static_cast<double>(*f)) : Value();
            },
            [field](Options& o, const Value& v) {
                if (const auto* d = std::get_if<double>(&v)) field(o) = *d;
                else field(o).reset();
            }};
}

template <class Options, class Field>
Binding<Options> bind_boolean(Field field)
{
    return {[field](const Options& o) { return Value(static_cast<bool>(field(const_cast<Options&>(o)))); },
            [field](Options& o, const Value& v) { field(o) = std::get<bool>(v); }};
}

// `names` holds {value, name} pairs (an enum's name table, e.g. raster::kernel_names): the one list of choices.
template <class Options, class Field, class Names>
Binding<Options> bind_choice(Field field, const Names& names)
{
    return {[field, &names](const Options& o) {
                for (const auto& n : names)
                    if (n.value == field(const_cast<Options&>(o))) return Value(std::string(n.name));
                return Value();
            },
            [field, &names](Options& o, const Value& v) {
                for (const auto& n : names)
                    if (n.name == std::get<std::string>(v)) field(o) = n.value;
            }};
}

template <class Names>
std::vector<std::string_view> names_of(const Names& names)
{
    std::vector<std::string_view> out;
    for (const auto& n : names) out.push_back(n.name);
    return out;
}

template <class Options, class Field>
Binding<Options> bind_text(Field field)
{
    return {[field](const Options& o) { return Value(field(const_cast<Options&>(o))); },
            [field](Options& o, const Value& v) { field(o) = std::get<std::string>(v); }};
}

}  // namespace geo::options
