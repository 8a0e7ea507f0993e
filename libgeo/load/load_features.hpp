#pragma once
// The loop every loader shares: open each file of a source, count every feature read, and bring its geometry
// into the local CRS or report why not (internal to load/load_*.cpp).
#include "libgeo/load/load_context.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/ogr_geometry.hpp"

#include <optional>
#include <string>
#include <utility>

namespace geo::load::detail {

// A file that breaks off while being read (truncated, corrupt) is fatal: what follows the break would be lost.
void fail_on_read_error(const GdalErrorTrap& errors, const OpenedLayer& layer);

// Calls f(OGRFeature&) for every feature of the layer. A read error that ends the iteration (a truncated or
// damaged file) is fatal, since what follows the break would be lost; an error on a feature GDAL still returned
// (a bad coordinate) is kept in `read_problem` for that feature's reject detail. Touches nothing of ctx but
// reads (its memory check), so files may be read on several threads, each with its own read_problem.
template <class F>
void read_features(const LoadContext& ctx, OpenedLayer& layer, std::string& read_problem, F&& f)
{
    layer.layer->ResetReading();
    GdalErrorTrap errors;
    for (long long read = 0;; ++read) {
        if (read % 256 == 0) ctx.check_memory(layer, read);
        errors.reset();
        OGRFeatureUniquePtr feature(layer.layer->GetNextFeature());
        if (!feature) {
            fail_on_read_error(errors, layer);
            break;
        }
        read_problem = errors.failed() ? errors.message() : std::string();
        f(*feature);
    }
    read_problem.clear();
}

template <class F>
void read_features(LoadContext& ctx, OpenedLayer& layer, F&& f)
{
    read_features(std::as_const(ctx), layer, ctx.read_problem, std::forward<F>(f));
}

// Calls on_feature(source, feature, to_local) for every feature of every file of spec; on_feature returns true
// when it loaded the feature (otherwise it has reported why not).
template <class OnFeature>
void for_each_feature(LoadContext& ctx, Role role, const campaign::SourceSpec& spec, OnFeature&& on_feature)
{
    const int block = ctx.next_block++;
    for (const auto& file : expand_sources(spec, ctx.spec.base_dir)) {
        OpenedLayer layer = open_layer(file, spec, role);
        const normalise::ToLocal& to_local = ctx.to_local(layer, spec);
        const int source = ctx.add_source(role, layer, spec, block, &to_local);
        read_features(ctx, layer, [&](OGRFeature& feature) {
            ctx.campaign.diagnostics.count_read(source);
            if (on_feature(source, feature, to_local)) ctx.campaign.diagnostics.count_loaded(source);
        });
    }
}

// The feature's geometry in local metres, or nullopt after reporting no_geometry / out of range / swapped / ...
std::optional<SourceGeometry> local_geometry(LoadContext& ctx, int source, OGRFeature& feature,
                                             const normalise::ToLocal& to_local);

// Fails with an InputError naming the layer's fields when a field the campaign names does not exist.
void require_field(const OGRFeature& feature, const std::string& field, const std::string& key, int source,
                   const LoadContext& ctx);
void require_field(const OGRFeature& feature, const std::string& field, const std::string& key, const OpenedLayer& layer);

std::string text_field(OGRFeature& feature, const std::string& field);
// The configured name field, or the first common one the layer has (empty when none).
std::string name_field_of(const OGRFeature& feature, const std::string& configured);

}  // namespace geo::load::detail
