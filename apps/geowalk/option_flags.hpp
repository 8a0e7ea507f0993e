#pragma once
// An analysis's option table (libgeo/core/options.hpp) on the command line: which flags a command takes, their
// help lines with the defaults, and their values applied to the options the campaign file set.
#include "args.hpp"

#include "libgeo/campaign/option_values.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/core/options.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace geowalk {

// Flags of a table that a command leaves out (e.g. `run` has no --pixel: coverage and hotspots both have one).
using FlagsLeftOut = std::vector<std::string_view>;

// The flag names of `table` that take a value and those that are switches, appended to the command's own.
template <class Options>
void add_flags(const geo::options::Table<Options>& table, std::vector<std::string>& valued,
               std::vector<std::string>& switches, const FlagsLeftOut& left_out = {})
{
    for (const auto& spec : table.specs()) {
        if (spec.flag.empty() || std::ranges::find(left_out, spec.flag) != left_out.end()) continue;
        auto& list = spec.kind == geo::options::Kind::boolean ? switches : valued;
        if (std::ranges::find(list, spec.flag) == list.end()) list.emplace_back(spec.flag);
    }
}

// Sets the options given on the command line, each converted and range-checked as the campaign file's are; dates
// are read at `utc_offset_minutes`. Throws geo::UsageError naming the flag.
template <class Options>
void apply_flags(const Args& args, const geo::options::Table<Options>& table, Options& options,
                 int utc_offset_minutes)
{
    std::vector<std::pair<std::size_t, geo::options::Value>> values;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& spec = table.specs()[i];
        if (spec.flag.empty() || !args.has(std::string(spec.flag))) continue;
        geo::options::Value value = spec.kind == geo::options::Kind::boolean
                                        ? geo::options::Value(spec.switch_value)
                                        : geo::campaign::value_from_text(spec, args.get(std::string(spec.flag)),
                                                                         utc_offset_minutes);
        if (auto why = spec.problem(value)) throw geo::UsageError("--" + std::string(spec.flag) + ": " + *why, {}, spec.allowed());
        values.emplace_back(i, std::move(value));
    }
    table.apply(options, values);
}

// "  --radius M             kernel radius (default 300)" for every flag of the table, aligned like the commands'
// own option lines; the defaults are those of a default-constructed Options.
std::string flags_help_lines(std::span<const geo::options::Spec> specs, const std::vector<geo::options::Value>& defaults,
                             const FlagsLeftOut& left_out);

template <class Options>
std::string flags_help(const geo::options::Table<Options>& table, const FlagsLeftOut& left_out = {})
{
    return flags_help_lines(table.specs(), table.values(Options{}), left_out);
}

// "  [coverage] sight_m = 30 m" for every campaign file key of the table, with its value in `options`.
std::string settings_text(std::string_view section, std::span<const geo::options::Spec> specs,
                          const std::vector<geo::options::Value>& values, int utc_offset_minutes);

template <class Options>
std::string settings_lines(const geo::options::Table<Options>& table, const Options& options, int utc_offset_minutes)
{
    return settings_text(table.section(), table.specs(), table.values(options), utc_offset_minutes);
}

}  // namespace geowalk
