#include "libgeo/handles/gdal_apps.hpp"

namespace geo {

UtilityArgs::UtilityArgs(std::vector<std::string> args) : m_args(std::move(args))
{
    m_pointers.reserve(m_args.size() + 1);
    for (auto& a : m_args) m_pointers.push_back(a.data());
    m_pointers.push_back(nullptr);
}

}  // namespace geo
