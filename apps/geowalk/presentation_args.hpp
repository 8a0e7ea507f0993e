#pragma once
// The options every command that writes outputs shares for what people open: language, maps, report.
#include "args.hpp"

#include "libgeo/pipeline/outputs.hpp"

#include <string>
#include <vector>

namespace geowalk {

// Appended to a command's own option and flag names before parsing.
std::vector<std::string> with_presentation_options(std::vector<std::string> options);
std::vector<std::string> with_presentation_flags(std::vector<std::string> flags);

// Throws geo::UsageError for an unknown --lang or --map-format.
geo::pipeline::PresentationOptions presentation_from(const Args& args);

// The help lines of those options, aligned like the commands' own.
extern const char* const presentation_help;

}  // namespace geowalk
