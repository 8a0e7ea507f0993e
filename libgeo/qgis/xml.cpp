#include "libgeo/qgis/xml.hpp"

#include "libgeo/core/number_text.hpp"

namespace geo::qgis {

XmlElement::XmlElement(std::string name) : m_name(std::move(name)) {}

XmlElement& XmlElement::set(std::string_view key, std::string_view value)
{
    for (auto& [k, v] : m_attributes)
        if (k == key) {
            v = value;
            return *this;
        }
    m_attributes.emplace_back(std::string(key), std::string(value));
    return *this;
}

XmlElement& XmlElement::set(std::string_view key, double value) { return set(key, std::string_view(number_text(value))); }

XmlElement& XmlElement::set(std::string_view key, int value) { return set(key, std::string_view(std::to_string(value))); }

XmlElement& XmlElement::text(std::string_view value)
{
    m_text = value;
    return *this;
}

XmlElement& XmlElement::add(std::string name) { return add(XmlElement(std::move(name))); }

XmlElement& XmlElement::add(XmlElement child)
{
    m_children.push_back(std::make_unique<XmlElement>(std::move(child)));
    return *m_children.back();
}

XmlElement& XmlElement::add_text(std::string name, std::string_view value) { return add(std::move(name)).text(value); }

void XmlElement::write(std::string& out, int depth) const
{
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    out += indent + '<' + m_name;
    for (const auto& [k, v] : m_attributes) out += ' ' + k + "=\"" + xml_escape(v) + '"';
    if (m_children.empty() && m_text.empty()) {
        out += "/>\n";
        return;
    }
    out += '>';
    out += xml_escape(m_text);
    if (!m_children.empty()) {
        out += '\n';
        for (const auto& c : m_children) c->write(out, depth + 1);
        out += indent;
    }
    out += "</" + m_name + ">\n";
}

std::string XmlElement::str() const
{
    std::string out;
    write(out);
    return out;
}

std::string xml_escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text) switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += ch;
        }
    return out;
}

}  // namespace geo::qgis
