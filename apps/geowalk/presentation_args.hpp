#pragma once
// The options every command that writes outputs shares for what people open: language, maps, report, GeoJSON copies.
#include "args.hpp"

#include "libgeo/pipeline/outputs.hpp"

#include <string>
#include <vector>

namespace geowalk {

// Appended to a command's own option and flag names before parsing.
std::vector<std::string> with_presentation_options(std::vector<std::string> options);
std::vector<std::string> with_presentation_flags(std::vector<std::string> flags);

// Throws geo::UsageError for an unknown --lang, --map-format or --geojson layer, or an empty --village-maps list
// (village names are checked against the data once it is loaded).
geo::pipeline::PresentationOptions presentation_from(const Args& args);

// The help lines of those options, aligned like the commands' own.
std::string presentation_help();

// The options as the README's table lists them: (usage, help), in declaration order.
std::vector<std::pair<std::string, std::string>> presentation_option_rows();

}  // namespace geowalk
