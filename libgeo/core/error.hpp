#pragma once
// Errors thrown inside libgeo. Each says what went wrong, where (file, layer, feature, line) and what to do.
// The CLI catches geo::Error once and turns it into one message and exit code 1.
#include <optional>
#include <stdexcept>
#include <string>

namespace geo {

struct Where {
    std::string file;
    std::string layer;
    std::optional<long long> feature;
    std::optional<int> line;
    std::optional<int> column;

    [[nodiscard]] std::string describe() const;
};

inline Where in_file(std::string file, std::string layer = {})
{
    Where w;
    w.file = std::move(file);
    w.layer = std::move(layer);
    return w;
}

class Error : public std::runtime_error {
public:
    Error(std::string what, Where where = {}, std::string hint = {});

    [[nodiscard]] const std::string& message() const { return m_message; }
    [[nodiscard]] const Where& where() const { return m_where; }
    [[nodiscard]] const std::string& hint() const { return m_hint; }

    // "file:line:col: message\n  hint" — what the CLI prints.
    [[nodiscard]] std::string full_message() const;

private:
    std::string m_message;
    Where m_where;
    std::string m_hint;
};

// A campaign file or source the user must fix (exit 1).
class InputError : public Error {
public:
    using Error::Error;
};

// A value the user gave on the command line or in options that is out of range (exit 2 from the CLI).
class UsageError : public Error {
public:
    using Error::Error;
};

// Writing an output failed (disk full, permissions).
class OutputError : public Error {
public:
    using Error::Error;
};

}  // namespace geo
