#pragma once
// One subcommand of the geowalk CLI: a name, one line for the overview, its help, and what it does with its
// arguments. The base parses them, answers --help, applies --max-memory and adds the help of the shared flags
// (--quiet, presentation, memory), so a command declares only what is its own. Commands call libgeo; they never
// compute.
#include "args.hpp"

#include <memory>
#include <string>
#include <vector>

namespace geowalk {

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string summary() const = 0;
    // about(), then the lines of the shared flags the command takes.
    [[nodiscard]] std::string help() const;
    // Parses the arguments (unknown ones are a geo::UsageError), prints help() for --help, applies --max-memory,
    // then execute(). Returns the process exit code; throws geo::Error for user errors, UsageError for bad arguments.
    int run(const std::vector<std::string>& argv);

protected:
    // The command's own flags that take a value and its switches; which shared groups it takes besides --quiet.
    struct Flags {
        std::vector<std::string> valued, switches;
        bool presentation = false;  // --lang, --map-format, --no-maps, --no-report
        bool memory = true;         // --max-memory
    };
    [[nodiscard]] virtual Flags flags() const = 0;
    // The usage line, what the command does and its own options.
    [[nodiscard]] virtual std::string about() const = 0;
    virtual int execute(const Args& args) = 0;
};

std::vector<std::unique_ptr<Command>> all_commands();

std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_run_command();
std::unique_ptr<Command> make_demo_command();
std::unique_ptr<Command> make_coverage_command();
std::unique_ptr<Command> make_hotspots_command();
std::unique_ptr<Command> make_plan_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_register_command();
std::unique_ptr<Command> make_serve_command();

}  // namespace geowalk
