#include "memory_args.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"

#include <cmath>

namespace geowalk {

std::vector<std::string> with_memory_option(std::vector<std::string> options)
{
    options.emplace_back("max-memory");
    return options;
}

void apply_memory_limit(const Args& args)
{
    if (!args.has("max-memory")) return;
    const double gb = args.get_number("max-memory", 0.0);
    if (!(std::isfinite(gb) && gb >= 0.01 && gb <= 1e6))
        throw geo::UsageError("--max-memory " + args.get("max-memory") + " is not a size in GB", {},
                              "give gigabytes, e.g. --max-memory 4 or --max-memory 0.5");
    const auto machine = static_cast<double>(geo::memory::machine_bytes());
    if (gb * 1e9 > machine)
        throw geo::UsageError("--max-memory " + args.get("max-memory") + " is more than this machine allows (" +
                                  geo::memory::size_text(machine) + ")",
                              {}, "give at most that, or leave --max-memory out to use it all");
    geo::memory::set_limit_bytes(static_cast<std::uint64_t>(gb * 1e9));
}

std::string memory_help()
{
    return "  --max-memory GB\n"
           "               stop with a message when inputs or rasters would need more memory than this,\n"
           "               instead of running out part-way; default, and at most, what this machine allows (" +
           geo::memory::size_text(static_cast<double>(geo::memory::machine_bytes())) + ")\n";
}

}  // namespace geowalk
