#include "libgeo/core/error.hpp"

namespace geo {

std::string Where::describe() const
{
    std::string out = file;
    if (line) {
        out += ":" + std::to_string(*line);
        if (column) out += ":" + std::to_string(*column);
    }
    if (!layer.empty()) out += (out.empty() ? "" : ", ") + std::string("layer '") + layer + "'";
    if (feature) out += (out.empty() ? "" : ", ") + std::string("feature ") + std::to_string(*feature);
    return out;
}

namespace {
std::string compose(const std::string& what, const Where& where)
{
    const std::string place = where.describe();
    return place.empty() ? what : place + ": " + what;
}
}  // namespace

Error::Error(std::string what, Where where, std::string hint)
    : std::runtime_error(compose(what, where)), m_message(std::move(what)), m_where(std::move(where)),
      m_hint(std::move(hint))
{
}

std::string Error::full_message() const
{
    std::string out = runtime_error::what();
    if (!m_hint.empty()) out += "\n  hint: " + m_hint;
    return out;
}

}  // namespace geo
