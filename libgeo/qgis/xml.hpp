#pragma once
// A small XML tree for writing QGIS documents (QML styles, SLD, .qgs projects): elements keep their attributes in
// the order they were set and children in insertion order, so the same input always gives the same bytes.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geo::qgis {

class XmlElement {
public:
    explicit XmlElement(std::string name);

    // Sets an attribute (replacing an earlier value of the same name); returns *this for chaining.
    XmlElement& set(std::string_view key, std::string_view value);
    XmlElement& set(std::string_view key, const char* value) { return set(key, std::string_view(value)); }
    XmlElement& set(std::string_view key, double value);
    XmlElement& set(std::string_view key, int value);
    XmlElement& text(std::string_view value);

    // Appends a child and returns it. Children live on the heap, so the reference stays valid while siblings
    // are added after it.
    XmlElement& add(std::string name);
    XmlElement& add(XmlElement child);
    // Shorthand for an element that only carries text: <name>value</name>.
    XmlElement& add_text(std::string name, std::string_view value);

    [[nodiscard]] const std::string& name() const { return m_name; }
    // Indented serialisation, two spaces per level.
    void write(std::string& out, int depth = 0) const;
    [[nodiscard]] std::string str() const;

private:
    std::string m_name;
    std::vector<std::pair<std::string, std::string>> m_attributes;
    std::vector<std::unique_ptr<XmlElement>> m_children;
    std::string m_text;
};

// Escapes &, <, >, " and ' for use in attribute values and text.
std::string xml_escape(std::string_view text);

}  // namespace geo::qgis
