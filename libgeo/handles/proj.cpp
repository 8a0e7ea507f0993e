#include "libgeo/handles/proj.hpp"

#include "libgeo/core/error.hpp"

namespace geo {

ProjContext::ProjContext() : m_ctx(proj_context_create())
{
    if (!m_ctx) throw Error("could not create a PROJ context");
    // Grids are never downloaded: the machines have no network, and results must not depend on one.
    proj_context_set_enable_network(m_ctx, 0);
}

ProjContext::~ProjContext() { proj_context_destroy(m_ctx); }

}  // namespace geo
