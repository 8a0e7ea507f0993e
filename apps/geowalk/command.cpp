#include "command.hpp"

#include "memory_args.hpp"
#include "presentation_args.hpp"

#include <iostream>

namespace geowalk {

std::string Command::help() const
{
    const Flags f = flags();
    return about() + "  --quiet                no progress bar\n" + (f.presentation ? presentation_help() : std::string()) +
           (f.memory ? memory_help() : "");
}

int Command::run(const std::vector<std::string>& argv)
{
    Flags f = flags();
    f.switches.emplace_back("quiet");
    if (f.presentation) {
        f.valued = with_presentation_options(std::move(f.valued));
        f.switches = with_presentation_flags(std::move(f.switches));
    }
    if (f.memory) f.valued = with_memory_option(std::move(f.valued));
    const Args args(argv, f.valued, f.switches);
    if (args.help()) {
        std::cout << help();
        return 0;
    }
    if (f.memory) apply_memory_limit(args);
    return execute(args);
}

}  // namespace geowalk
