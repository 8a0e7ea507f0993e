#pragma once
// The original attributes of an input feature, carried unchanged to the outputs ("unknown fields are kept").
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace geo {

using AttributeValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Attribute {
    std::string name;
    AttributeValue value;
};

using Attributes = std::vector<Attribute>;

// Text form of a value for messages and JSON (empty for null).
std::string to_text(const AttributeValue& value);
const AttributeValue* find(const Attributes& attributes, const std::string& name);

}  // namespace geo
