#pragma once
// RAII for PROJ: one ProjContext per thread, PjPtr for every PJ object.
#include <proj.h>

#include <memory>

namespace geo {

class ProjContext {
public:
    ProjContext();
    ~ProjContext();
    ProjContext(const ProjContext&) = delete;
    ProjContext& operator=(const ProjContext&) = delete;
    [[nodiscard]] PJ_CONTEXT* get() const { return m_ctx; }

private:
    PJ_CONTEXT* m_ctx;
};

struct PjDeleter {
    void operator()(PJ* pj) const
    {
        if (pj) proj_destroy(pj);
    }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

}  // namespace geo
