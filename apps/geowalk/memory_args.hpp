#pragma once
// --max-memory GB, shared by every command that loads a campaign or draws: the limit the memory guard
// (libgeo/core/memory.hpp) refuses inputs and rasters against, below the machine's own.
#include "args.hpp"

#include <string>
#include <vector>

namespace geowalk {

// Appended to a command's own option names before parsing.
std::vector<std::string> with_memory_option(std::vector<std::string> options);

// Sets the process's memory limit from --max-memory (left at the machine's when absent); throws geo::UsageError
// for a value that is not a positive number of gigabytes.
void apply_memory_limit(const Args& args);

// The option's help lines, aligned like the commands' own; names this machine's limit.
std::string memory_help();

}  // namespace geowalk
