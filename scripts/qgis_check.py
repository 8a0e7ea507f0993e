#!/usr/bin/python3
"""Opens a geowalk output folder with real QGIS (headless) and checks what a planner would see.

geowalk.qgs: every layer valid, vectors with features, the campaign CRS, a renderer that is not QGIS's
plain default. geowalk.gpkg: each layer opened on its own picks up its default style from layer_styles.
Also renders the project's first view to qgis_check.png for a look by eye.

usage: qgis_check.py OUT_DIR [EXPECTED_AUTHID]   (QT_QPA_PLATFORM=offscreen; Debian's python3-qgis)
exit 0 when every check passes, 1 otherwise; one line per check failure.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsMapLayerType, QgsMapRendererSequentialJob, QgsMapSettings,  # noqa: E402
                       QgsProject, QgsProviderRegistry, QgsRectangle, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFontDatabase  # noqa: E402
from qgis.PyQt.QtXml import QDomDocument  # noqa: E402

failures = []
passed = 0


def check(ok, message):
    global passed
    passed += 1 if ok else 0
    if not ok:
        failures.append(message)
        print("FAIL", message)
    return ok


def expected_authid(out_dir, argv):
    if len(argv) > 2:
        return argv[2]
    with open(os.path.join(out_dir, "summary.json"), encoding="utf-8") as f:
        return json.load(f)["campaign"]["crs"]


def check_project(out_dir, authid):
    project = QgsProject.instance()
    if not check(project.read(os.path.join(out_dir, "geowalk.qgs")), "QGIS cannot read geowalk.qgs"):
        return
    check(project.crs().isValid() and project.crs().authid() == authid,
          f"project CRS is {project.crs().authid() or project.crs().description()!r}, expected {authid}")
    groups = [g.name() for g in project.layerTreeRoot().children() if g.nodeType() == 0]
    print("groups:", ", ".join(groups))
    for layer in project.mapLayers().values():
        name = layer.name()
        if not check(layer.isValid(), f"{name}: not valid ({layer.source()})"):
            continue
        if layer.type() == QgsMapLayerType.VectorLayer:
            count = layer.featureCount()
            check(count > 0, f"{name}: no features")
            if layer.isSpatial():
                check(layer.crs().authid() == authid, f"{name}: CRS {layer.crs().authid()}, expected {authid}")
                renderer = layer.renderer()
                kind = renderer.type() if renderer else None
                check(kind is not None, f"{name}: no renderer")
                if kind == "singleSymbol":
                    # QGIS's own default is one symbol in a random colour with default widths; ours is the style
                    # stored for the layer, so compare with that.
                    same = renderer.dump() == default_style_renderer(out_dir, name)
                    check(same, f"{name}: single-symbol renderer that is not geowalk's default style")
                print(f"  {name}: {count} features, {kind}, labels {'on' if layer.labelsEnabled() else 'off'}")
            else:
                print(f"  {name}: {count} rows, no geometry")
        else:
            renderer = layer.renderer()
            kind = renderer.type() if renderer else None
            check(kind == "singlebandpseudocolor", f"{name}: raster renderer {kind}, expected singlebandpseudocolor")
            check(layer.crs().authid() == authid, f"{name}: CRS {layer.crs().authid()}, expected {authid}")
            items = renderer.shader().rasterShaderFunction().colorRampItemList() if kind else []
            check(len(items) >= 4, f"{name}: colour ramp has {len(items)} items")
            print(f"  {name}: raster {layer.width()}x{layer.height()}, {kind}, {len(items)} ramp items")
    on_view = [layer.name() for layer in project.layerTreeRoot().layerOrder()]
    print("draw order (top first):", ", ".join(on_view))


def gpkg_layer_names(gpkg):
    probe = QgsVectorLayer(gpkg, "probe", "ogr")
    names = []
    for sub in probe.dataProvider().subLayers():
        # "index!!::!!name!!::!!count!!::!!geometry type!!::!!geometry column" in QGIS 3.22
        parts = sub.split("!!::!!")
        if len(parts) > 1 and parts[1] not in names and parts[1] != "layer_styles":
            names.append(parts[1])
    return names


_style_cache = {}


def default_style_renderer(out_dir, name):
    """The renderer described by the default style row of layer_styles, applied to a fresh layer."""
    if name not in _style_cache:
        uri = f"{os.path.join(out_dir, 'geowalk.gpkg')}|layername={name}"
        bare = QgsVectorLayer(uri, name, "ogr", QgsVectorLayer.LayerOptions(False, False))
        count, ids, names, _, _ = bare.listStylesInDatabase()
        qml = bare.getStyleFromDatabase(ids[0])[0] if count > 0 else ""
        doc = QDomDocument()
        doc.setContent(qml)
        bare.importNamedStyle(doc)
        _style_cache[name] = bare.renderer().dump() if bare.isSpatial() and bare.renderer() else None
    return _style_cache[name]


def check_sld(gpkg, name):
    """The styleSLD column is read by QGIS's own SLD importer (what other clients see)."""
    import sqlite3
    import tempfile
    with sqlite3.connect(gpkg) as db:
        row = db.execute("SELECT styleSLD FROM layer_styles WHERE f_table_name = ? AND useAsDefault", (name,)).fetchone()
    if not check(row is not None and row[0], f"gpkg {name}: no SLD"):
        return False
    with tempfile.NamedTemporaryFile("w", suffix=".sld", encoding="utf-8", delete=False) as f:
        f.write(row[0])
    try:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr", QgsVectorLayer.LayerOptions(False, False))
        message, ok = layer.loadSldStyle(f.name)
        return check(ok and layer.renderer() is not None, f"gpkg {name}: QGIS cannot read its SLD: {message}")
    finally:
        os.unlink(f.name)


def check_default_styles(out_dir):
    gpkg = os.path.join(out_dir, "geowalk.gpkg")
    names = gpkg_layer_names(gpkg)
    check(len(names) > 0, "geowalk.gpkg: no layers found")
    for name in names:
        uri = f"{gpkg}|layername={name}"
        layer = QgsVectorLayer(uri, name, "ogr")  # loads the default style, as adding the layer in QGIS does
        if not check(layer.isValid(), f"gpkg {name}: not valid"):
            continue
        count, ids, style_names, _, _ = layer.listStylesInDatabase()
        check(count >= 1, f"gpkg {name}: no style of its own in layer_styles")
        if not layer.isSpatial():
            print(f"  gpkg {name}: no geometry, {count} stored style(s)")
            continue
        kind = layer.renderer().type()
        check(layer.renderer().dump() == default_style_renderer(out_dir, name),
              f"gpkg {name}: opened with {kind}, not its stored default style")
        sld_ok = check_sld(gpkg, name)
        print(f"  gpkg {name}: default style loaded ({kind}), {count} stored style(s), SLD {'reads' if sld_ok else 'FAILS'}")


def check_fonts():
    families = QFontDatabase().families()
    cjk = [f for f in families if "CJK" in f]
    check(any(f.startswith("Noto Sans CJK") for f in families),
          "font 'Noto Sans CJK SC' missing: Chinese labels fall back (apt-get install fonts-noto-cjk)")
    print("CJK fonts:", ", ".join(cjk[:4]) or "none")


def render_preview(out_dir):
    project = QgsProject.instance()
    settings = QgsMapSettings()
    visible = [layer for layer in project.layerTreeRoot().layerOrder()
               if project.layerTreeRoot().findLayer(layer.id()).isVisible()]
    settings.setLayers(visible)
    settings.setDestinationCrs(project.crs())
    extent = project.viewSettings().defaultViewExtent()
    settings.setExtent(QgsRectangle(extent) if not extent.isEmpty() else project.layerTreeRoot().layerOrder()[0].extent())
    settings.setOutputSize(QSize(1600, 1200))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    path = os.path.join(out_dir, "qgis_check.png")
    job.renderedImage().save(path)
    print("preview:", path)


def main():
    out_dir = os.path.abspath(sys.argv[1])
    app = QgsApplication([], False)
    app.initQgis()
    authid = expected_authid(out_dir, sys.argv)
    check_fonts()
    check_project(out_dir, authid)
    check_default_styles(out_dir)
    render_preview(out_dir)
    QgsProject.instance().clear()
    app.exitQgis()
    print(f"qgis_check: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
