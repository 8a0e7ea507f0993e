#pragma once
// One subcommand of the geowalk CLI: a name, one line for the overview, a help text, and run().
// Commands only parse arguments and call libgeo; they never compute.
#include <memory>
#include <string>
#include <vector>

namespace geowalk {

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string summary() const = 0;
    [[nodiscard]] virtual std::string help() const = 0;
    // Returns the process exit code; throws geo::Error for user errors, UsageError for bad arguments.
    virtual int run(const std::vector<std::string>& args) = 0;
};

std::vector<std::unique_ptr<Command>> all_commands();

std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_run_command();
std::unique_ptr<Command> make_demo_command();
std::unique_ptr<Command> make_coverage_command();
std::unique_ptr<Command> make_hotspots_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_report_command();

}  // namespace geowalk
