#pragma once
// Reading back the XML that geowalk writes for QGIS, with GDAL's own parser (cpl_minixml), so the tests check
// well-formedness and structure with a reader that is not our writer.
#include <cpl_minixml.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace geo::test {

using XmlTree = std::unique_ptr<CPLXMLNode, decltype(&CPLDestroyXMLNode)>;

// Parses a whole document; an empty pointer when GDAL's parser rejects it.
inline XmlTree parse_xml(const std::string& text)
{
    return XmlTree(CPLParseXMLString(text.c_str()), &CPLDestroyXMLNode);
}

// The document element of that name, skipping a <!DOCTYPE> or <?xml?> node before it.
inline const CPLXMLNode* document_element(const XmlTree& tree, const char* name)
{
    for (const CPLXMLNode* n = tree.get(); n; n = n->psNext)
        if (n->eType == CXT_Element && std::string(n->pszValue) == name) return n;
    return nullptr;
}

inline std::vector<const CPLXMLNode*> children(const CPLXMLNode* parent, const char* name)
{
    std::vector<const CPLXMLNode*> out;
    if (!parent) return out;
    for (const CPLXMLNode* n = parent->psChild; n; n = n->psNext)
        if (n->eType == CXT_Element && std::string(n->pszValue) == name) out.push_back(n);
    return out;
}

// Every element of that name below `root`, depth first.
inline void descendants(const CPLXMLNode* root, const char* name, std::vector<const CPLXMLNode*>& out)
{
    for (const CPLXMLNode* n = root ? root->psChild : nullptr; n; n = n->psNext) {
        if (n->eType != CXT_Element) continue;
        if (std::string(n->pszValue) == name) out.push_back(n);
        descendants(n, name, out);
    }
}

inline std::vector<const CPLXMLNode*> descendants(const CPLXMLNode* root, const char* name)
{
    std::vector<const CPLXMLNode*> out;
    descendants(root, name, out);
    return out;
}

// An attribute or a child element's text ("" when absent).
inline std::string value(const CPLXMLNode* node, const char* path)
{
    const char* v = node ? CPLGetXMLValue(node, path, nullptr) : nullptr;
    return v ? v : "";
}

}  // namespace geo::test
