#include "libgeo/export/vector_writer.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace geo::output {

VectorLayer::VectorLayer(OGRLayer* layer, std::filesystem::path file, ManifestLayer& record)
    : m_layer(layer), m_file(std::move(file)), m_record(&record)
{
}

void VectorLayer::add(OGRGeometryUniquePtr geometry, const std::vector<AttributeValue>& values)
{
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(m_layer->GetLayerDefn()));
    // Fields and values are declared apart; a row of another length is a programming error, never padded.
    if (values.size() != static_cast<std::size_t>(feature->GetFieldCount()))
        throw std::logic_error("layer " + std::string(m_layer->GetName()) + " has " +
                               std::to_string(feature->GetFieldCount()) + " fields, a row of " +
                               std::to_string(values.size()) + " values was given");
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int field = static_cast<int>(i);
        const AttributeValue& v = values[i];
        if (const auto* n = std::get_if<std::int64_t>(&v)) feature->SetField(field, static_cast<GIntBig>(*n));
        else if (const auto* d = std::get_if<double>(&v)) feature->SetField(field, *d);
        else if (const auto* s = std::get_if<std::string>(&v)) feature->SetField(field, s->c_str());
        else feature->SetFieldNull(field);
    }
    if (geometry) feature->SetGeometryDirectly(geometry.release());
    GdalErrorTrap errors;
    if (m_layer->CreateFeature(feature.get()) != OGRERR_NONE)
        throw OutputError("cannot write a feature: " + errors.message(), in_file(m_file.string(), m_layer->GetName()));
    ++m_record->features;
}

VectorFile::VectorFile(const std::filesystem::path& path, const std::string& driver_name) : m_path(path)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw OutputError("GDAL has no " + driver_name + " driver", in_file(path.string()));
    GdalErrorTrap errors;
    {
        // SQLite drivers (GeoPackage) read these when the file opens. A cache of up to 256 MB (filled only as the
        // file grows) keeps a large layer's pages in memory while its rows and then its R-tree are written: with
        // SQLite's default 2,000 pages, writing 1 M issues read the file back from the kernel page by page (12 s of
        // system time of a 50 s hotspot run). No sync per commit: the file is written into the run's staging folder
        // and only renamed into place whole, so a crash loses the staging folder either way, never a finished file.
        const CPLConfigOptionSetter cache("OGR_SQLITE_CACHE", "256", true);
        const CPLConfigOptionSetter sync("OGR_SQLITE_SYNCHRONOUS", "OFF", true);
        m_dataset.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    }
    if (!m_dataset) throw OutputError("cannot create the file: " + errors.message(), in_file(path.string()),
                                      "check free space and permissions of the output folder");
}

VectorFile::~VectorFile() = default;

VectorLayer VectorFile::create_layer(const std::string& name, OGRwkbGeometryType type, const std::string& crs_wkt,
                                     const std::vector<FieldDef>& fields, const std::vector<std::string>& options)
{
    end_layer();
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const bool has_crs = !crs_wkt.empty() && srs.importFromWkt(crs_wkt.c_str()) == OGRERR_NONE;
    CPLStringList opts;
    for (const auto& o : options) opts.AddString(o.c_str());
    GdalErrorTrap errors;
    OGRLayer* layer = m_dataset->CreateLayer(name.c_str(), has_crs ? &srs : nullptr, type, opts.List());
    if (!layer) throw OutputError("cannot create layer '" + name + "': " + errors.message(), in_file(m_path.string()));
    for (const auto& f : fields) {
        OGRFieldDefn defn(f.name.c_str(), f.type);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            throw OutputError("cannot create field '" + f.name + "': " + errors.message(), in_file(m_path.string(), name));
    }
    if (m_dataset->TestCapability(ODsCTransactions) && m_dataset->StartTransaction() == OGRERR_NONE)
        m_in_transaction = true;
    m_layers.push_back({name, geometry_kind(type), {}, 0, m_analysis});
    ManifestLayer& record = m_layers.back();
    for (const auto& f : fields) record.fields.push_back(f.name);
    return VectorLayer(layer, m_path, record);
}

void VectorFile::copy_layer(OGRLayer& source, const ManifestLayer& record)
{
    end_layer();
    GdalErrorTrap errors;
    OGRLayer* copy = m_dataset->CopyLayer(&source, record.name.c_str());
    if (!copy || errors.failed())
        throw OutputError("cannot copy layer '" + record.name + "': " + errors.message(), in_file(m_path.string()));
    m_layers.push_back(record);
    m_layers.back().features = copy->GetFeatureCount(TRUE);
}

void VectorFile::end_layer()
{
    if (!m_in_transaction) return;
    m_in_transaction = false;
    GdalErrorTrap errors;
    if (m_dataset->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot commit a layer: " + errors.message(), in_file(m_path.string()));
}

void VectorFile::close()
{
    end_layer();
    GdalErrorTrap errors;
    m_dataset->FlushCache(true);
    m_dataset.reset();
    if (errors.failed()) throw OutputError("writing failed: " + errors.message(), in_file(m_path.string()));
}

std::vector<AttributeValue> AttributeColumns::values(const Attributes& attributes) const
{
    std::vector<AttributeValue> out(fields.size());
    for (const auto& a : attributes)
        for (std::size_t i = 0; i < source_names.size(); ++i)
            if (source_names[i] == a.name) {
                // A column typed integer or real takes text values only when they parse; else it stays null.
                out[i] = a.value;
                if (fields[i].type == OFTReal)
                    if (const auto* n = std::get_if<std::int64_t>(&a.value)) out[i] = static_cast<double>(*n);
                break;
            }
    return out;
}

AttributeColumns attribute_columns(const std::vector<const Attributes*>& all, const std::vector<FieldDef>& reserved)
{
    AttributeColumns out;
    // OFTMaxType stands for "only nulls so far"; such a column ends up as text.
    std::map<std::string, OGRFieldType> types;
    for (const Attributes* attrs : all)
        for (const auto& a : *attrs) {
            auto [it, fresh] = types.try_emplace(a.name, OFTMaxType);
            if (fresh) out.source_names.push_back(a.name);
            OGRFieldType& t = it->second;
            if (std::holds_alternative<std::string>(a.value)) t = OFTString;
            else if (std::holds_alternative<double>(a.value) && t != OFTString) t = OFTReal;
            else if (std::holds_alternative<std::int64_t>(a.value) && t == OFTMaxType) t = OFTInteger64;
        }
    // GeoPackage (SQLite) and Shapefile column names are case-insensitive.
    auto folded = [](std::string s) {
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    std::set<std::string> taken;
    for (const auto& r : reserved) taken.insert(folded(r.name));
    for (const auto& name : out.source_names) {
        std::string field = name;
        while (taken.count(folded(field))) field += "_src";
        taken.insert(folded(field));
        const OGRFieldType t = types[name];
        out.fields.push_back({field, t == OFTMaxType ? OFTString : t});
    }
    return out;
}

}  // namespace geo::output
