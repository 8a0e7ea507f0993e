#pragma once
// The command line split into options, flags and positional arguments. A command lists the option and flag names
// it accepts (anything else is refused); the default and range of a value are given where it is read (get_int,
// get_number) and the help text is the command's own help().
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geowalk {

class Args {
public:
    // Parses "--name value", "--name=value" and flags; positional arguments are kept in order.
    // `flags` take no value. Unknown options and missing values throw geo::UsageError.
    Args(const std::vector<std::string>& args, const std::vector<std::string>& options,
         const std::vector<std::string>& flags);

    [[nodiscard]] bool has(const std::string& name) const { return m_values.count(name) > 0; }
    [[nodiscard]] std::string get(const std::string& name, const std::string& fallback = {}) const;
    [[nodiscard]] int get_int(const std::string& name, int fallback, int min, int max) const;
    // Any number; the options' own validate() checks its range with a message about what it means.
    [[nodiscard]] double get_number(const std::string& name, double fallback) const;
    [[nodiscard]] const std::vector<std::string>& positional() const { return m_positional; }
    [[nodiscard]] bool help() const { return has("help"); }

private:
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
};

}  // namespace geowalk
