#include "libgeo/load/point_reader.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/wkt.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_recordbatch.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstring>
#include <optional>
#include <string_view>

namespace geo::load {

namespace {

// Owners of the Arrow C structures: each carries its own release callback, null once released.
template <typename T>
struct ArrowOwned {
    T value{};
    ArrowOwned() = default;
    ArrowOwned(const ArrowOwned&) = delete;
    ArrowOwned& operator=(const ArrowOwned&) = delete;
    ~ArrowOwned()
    {
        if (value.release) value.release(&value);
    }
};

// One column of a batch: the child array, its Arrow format string, and where the batch's rows start in it (the
// child's own offset plus the batch's).
struct Column {
    const ArrowArray* array;
    std::string_view format;
    std::int64_t base;

    Column(const ArrowArray& batch, const ArrowSchema& schema, int index)
        : array(batch.children[index]), format(schema.children[index]->format),
          base(batch.children[index]->offset + batch.offset)
    {
    }

    [[nodiscard]] bool valid(std::int64_t row) const
    {
        const auto* bits = static_cast<const std::uint8_t*>(array->buffers[0]);
        const std::int64_t i = base + row;
        return !bits || ((bits[i >> 3] >> (i & 7)) & 1) != 0;
    }

    template <typename T>
    [[nodiscard]] T at(std::int64_t row) const
    {
        return static_cast<const T*>(array->buffers[1])[base + row];
    }

    // The bytes of a binary (32-bit offsets, "z") or large binary (64-bit offsets, "Z") value.
    [[nodiscard]] std::pair<const unsigned char*, std::size_t> bytes(std::int64_t row) const
    {
        const auto* data = static_cast<const unsigned char*>(array->buffers[2]);
        const std::int64_t i = base + row;
        if (format == "Z") {
            const auto* offsets = static_cast<const std::int64_t*>(array->buffers[1]);
            return {data + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i])};
        }
        const auto* offsets = static_cast<const std::int32_t*>(array->buffers[1]);
        return {data + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i])};
    }

    // A numeric value as double; nullopt for a null.
    [[nodiscard]] std::optional<double> number(std::int64_t row) const
    {
        if (!valid(row)) return std::nullopt;
        switch (format.empty() ? '\0' : format[0]) {
        case 'g': return at<double>(row);
        case 'f': return at<float>(row);
        case 'l': return static_cast<double>(at<std::int64_t>(row));
        case 'i': return at<std::int32_t>(row);
        case 's': return at<std::int16_t>(row);
        case 'c': return at<std::int8_t>(row);
        case 'L': return static_cast<double>(at<std::uint64_t>(row));
        case 'I': return at<std::uint32_t>(row);
        case 'S': return at<std::uint16_t>(row);
        case 'C': return at<std::uint8_t>(row);
        default: return std::nullopt;
        }
    }
};

bool is_number_format(std::string_view f)
{
    return f.size() == 1 && std::string_view("gflisLISC").find(f[0]) != std::string_view::npos;
}

OGRLayer* open_layer(GDALDataset& ds, const std::string& file, const std::string& name)
{
    OGRLayer* layer = name.empty() ? ds.GetLayer(0) : ds.GetLayerByName(name.c_str());
    if (!layer)
        throw InputError(name.empty() ? "the file has no layer" : "no layer named '" + name + "'", in_file(file),
                         "give the name of a point layer (ogrinfo lists them)");
    return layer;
}

std::string crs_of(OGRLayer& layer)
{
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    return srs ? crs_wkt(*srs) : std::string();
}

// Every attribute but the weight is ignored. The FID stays in the stream: GDAL 3.6.2's GeoPackage stream returns
// empty geometries when the FID is left out and every attribute is ignored (a workaround, and the FIDs are wanted).
void ignore_other_fields(OGRLayer& layer, const std::string& weight_field, const std::string& file)
{
    const OGRFeatureDefn* definition = layer.GetLayerDefn();
    if (!weight_field.empty() && definition->GetFieldIndex(weight_field.c_str()) < 0)
        throw InputError("no field '" + weight_field + "' for the weights", in_file(file, layer.GetName()),
                         "give a numeric field of the layer (ogrinfo -so lists them)");
    CPLStringList ignored;
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        if (weight_field != definition->GetFieldDefn(i)->GetNameRef())
            ignored.AddString(definition->GetFieldDefn(i)->GetNameRef());
    ignored.AddString("OGR_STYLE");
    layer.SetIgnoredFields(const_cast<const char**>(ignored.List()));
}

// The value of the Arrow field metadata key `key` (the C data interface's binary key/value list), or "".
std::string metadata_value(const char* metadata, std::string_view key)
{
    if (!metadata) return {};
    auto read_int = [&metadata]() {
        std::int32_t v = 0;
        std::memcpy(&v, metadata, sizeof v);
        metadata += sizeof v;
        return v;
    };
    for (std::int32_t pairs = read_int(); pairs > 0; --pairs) {
        const std::int32_t key_length = read_int();
        const std::string_view k(metadata, static_cast<std::size_t>(key_length));
        metadata += key_length;
        const std::int32_t value_length = read_int();
        const std::string_view v(metadata, static_cast<std::size_t>(value_length));
        metadata += value_length;
        if (k == key) return std::string(v);
    }
    return {};
}

struct Columns {
    int fid = -1, geometry = -1, weight = -1;
};

// The FID by its name and type; the geometry by GDAL's WKB extension type (or its name); the weight by its name.
Columns find_columns(const ArrowSchema& schema, OGRLayer& layer, const std::string& weight_field,
                     const std::string& file)
{
    const std::string fid_name = *layer.GetFIDColumn() ? layer.GetFIDColumn() : "OGC_FID";
    const std::string geometry_name = layer.GetGeometryColumn();
    Columns c;
    for (std::int64_t i = 0; i < schema.n_children; ++i) {
        const ArrowSchema& child = *schema.children[i];
        const std::string_view name = child.name ? child.name : "";
        const std::string_view format = child.format;
        const auto index = static_cast<int>(i);
        if (name == fid_name && format == "l") c.fid = index;
        else if (!weight_field.empty() && name == weight_field) c.weight = index;
        else if ((format == "z" || format == "Z") && c.geometry < 0 &&
                 (metadata_value(child.metadata, "ARROW:extension:name") == "ogc.wkb" || name == geometry_name))
            c.geometry = index;
    }
    if (c.geometry < 0) throw InputError("the layer has no geometry column", in_file(file, layer.GetName()));
    if (!weight_field.empty() && c.weight < 0)
        throw InputError("GDAL does not deliver the weight field '" + weight_field + "'",
                         in_file(file, layer.GetName()), "give a numeric field of the layer");
    if (c.weight >= 0 && !is_number_format(schema.children[c.weight]->format))
        throw InputError("the weight field '" + weight_field + "' is not numeric", in_file(file, layer.GetName()),
                         "give a field of numbers (integer or real)");
    return c;
}

void read_batch(const ArrowArray& batch, const ArrowSchema& schema, const Columns& c, LayerPoints& out)
{
    std::optional<Column> fid;
    if (c.fid >= 0) fid.emplace(batch, schema, c.fid);
    const Column geometry(batch, schema, c.geometry);
    std::optional<Column> weight;
    if (c.weight >= 0) weight.emplace(batch, schema, c.weight);
    OGRPoint point;  // reused: importFromWkb overwrites it
    for (std::int64_t row = 0; row < batch.length; ++row) {
        const auto [wkb, size] = geometry.bytes(row);
        std::size_t consumed = 0;
        const bool is_point = geometry.valid(row) && size > 0 &&
                              point.importFromWkb(wkb, size, wkbVariantIso, consumed) == OGRERR_NONE &&
                              !point.IsEmpty() && std::isfinite(point.getX()) && std::isfinite(point.getY());
        const std::optional<double> w = weight ? weight->number(row) : std::optional<double>(1.0);
        if (!is_point || !w || !std::isfinite(*w)) {
            out.skipped.push_back(fid && fid->valid(row) ? fid->at<std::int64_t>(row) : -1);
            continue;
        }
        out.points.push_back(raster::KdePoint{point.getX(), point.getY(), *w});
    }
}

}  // namespace

LayerPoints read_layer_points(const std::filesystem::path& file, const std::string& layer_name,
                              const std::string& weight_field)
{
    const std::string name = file.string();
    GdalErrorTrap errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw InputError("cannot open the point file: " + errors.message(), in_file(name));
    OGRLayer* layer = open_layer(*ds, name, layer_name);
    ignore_other_fields(*layer, weight_field, name);

    LayerPoints out;
    out.crs_wkt = crs_of(*layer);
    out.points.reserve(static_cast<std::size_t>(std::max<GIntBig>(layer->GetFeatureCount(FALSE), 0)));
    ArrowOwned<ArrowArrayStream> stream;
    CPLStringList options;
    options.SetNameValue("INCLUDE_FID", "YES");
    if (!layer->GetArrowStream(&stream.value, options.List()))
        throw InputError("GDAL cannot stream the layer: " + errors.message(), in_file(name, layer->GetName()));
    ArrowOwned<ArrowSchema> schema;
    if (stream.value.get_schema(&stream.value, &schema.value) != 0)
        throw InputError("GDAL cannot describe the layer: " + errors.message(), in_file(name, layer->GetName()));
    const Columns columns = find_columns(schema.value, *layer, weight_field, name);
    for (;;) {
        ArrowOwned<ArrowArray> batch;
        if (stream.value.get_next(&stream.value, &batch.value) != 0) {
            const char* why = stream.value.get_last_error(&stream.value);
            throw InputError(std::string("reading the points failed: ") + (why ? why : errors.message()),
                             in_file(name, layer->GetName()));
        }
        if (!batch.value.release) break;  // the end of the stream
        read_batch(batch.value, schema.value, columns, out);
    }
    return out;
}

}  // namespace geo::load
