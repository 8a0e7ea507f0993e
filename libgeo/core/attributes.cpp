#include "libgeo/core/attributes.hpp"

#include "libgeo/core/number_text.hpp"

namespace geo {

std::string to_text(const AttributeValue& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) return number_text(*d);
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    return {};
}

const AttributeValue* find(const Attributes& attributes, const std::string& name)
{
    for (const auto& a : attributes)
        if (a.name == name) return &a.value;
    return nullptr;
}

}  // namespace geo
