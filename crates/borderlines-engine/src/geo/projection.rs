//! The map's projection: Albers equal-area conic on the sphere, with
//! standard parallels 36° N and 50° N, origin 40° N and central meridian
//! 128° E — a projection for the Korean peninsula, north-east China and the
//! Russian Far East.
//!
//! Why Albers: the map shades provinces by how often they are mentioned (a
//! choropleth), and a choropleth needs equal areas, or large northern
//! provinces look weightier than they are; a conic suits a region wider
//! east–west than its latitude span at mid latitudes (the usual choice for
//! such regions, e.g. the U.S. national atlas). The standard parallels
//! follow the one-sixth rule for the drawn extent from Jeju (33° N) to the
//! Amur (53° N): scale is true along them and within about 1.5 % between
//! 33° N and 55° N. The central meridian runs through the peninsula, so
//! north is up where the stories are. On the sphere (R = 6371 km) the areas
//! differ from the ellipsoid's by well under 1 %, below what the 0.04°
//! simplified outlines resolve.
//!
//! Hand-written (Snyder, *Map Projections — A Working Manual*, 1987,
//! pp. 98–100, eqs. 14-1 … 14-3): the `proj4rs` crate does the same with
//! its general machinery but costs about 440 KB of wasm on its own (130 KB
//! gzipped, measured), where these lines cost a few hundred bytes.
//!
//! Coordinates are kilometres with x to the east and **y to the south**,
//! so they are screen coordinates up to a scale and an offset.
//!
//! ```
//! use borderlines_engine::geo::projection::project;
//! let (px, py) = project(125.75, 39.03).unwrap(); // Pyongyang
//! let (sx, sy) = project(126.98, 37.57).unwrap(); // Seoul
//! assert!(px < sx && py < sy, "Pyongyang lies north-west of Seoul on screen");
//! ```
//!
//! The build script includes this file to project the outlines once.

/// Earth's mean radius in km (the sphere the projection is drawn on).
pub const EARTH_RADIUS_KM: f64 = 6371.0;
/// Southern standard parallel, degrees.
pub const LAT1: f64 = 36.0;
/// Northern standard parallel, degrees.
pub const LAT2: f64 = 50.0;
/// Latitude of the origin (y = 0), degrees.
pub const LAT0: f64 = 40.0;
/// Central meridian (x = 0), degrees east.
pub const LON0: f64 = 128.0;

/// Projects a longitude and latitude (degrees) to kilometres (x east,
/// y south). `None` for coordinates that are not on the globe.
pub fn project(lon: f64, lat: f64) -> Option<(f64, f64)> {
    if !lon.is_finite() || !lat.is_finite() || lat.abs() > 90.0 {
        return None;
    }
    let (s1, s2) = (LAT1.to_radians().sin(), LAT2.to_radians().sin());
    let n = (s1 + s2) / 2.0;
    let c = LAT1.to_radians().cos().powi(2) + 2.0 * n * s1;
    let rho =
        |lat: f64| EARTH_RADIUS_KM * (c - 2.0 * n * lat.to_radians().sin()).max(0.0).sqrt() / n;
    // Longitude difference wrapped to −180…180 so the antimeridian stays far.
    let dlon = (lon - LON0 + 540.0).rem_euclid(360.0) - 180.0;
    let theta = n * dlon.to_radians();
    let r = rho(lat);
    Some((r * theta.sin(), -(rho(LAT0) - r * theta.cos())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xy(lon: f64, lat: f64) -> (f64, f64) {
        project(lon, lat).unwrap()
    }

    #[test]
    fn known_places_land_where_they_should() {
        let pyongyang = xy(125.75, 39.03);
        let seoul = xy(126.98, 37.57);
        assert!(pyongyang.0 < seoul.0, "west");
        assert!(pyongyang.1 < seoul.1, "north (y runs south)");
        // The origin is the centre; north is up along the central meridian.
        assert_eq!(xy(LON0, LAT0), (0.0, 0.0));
        assert!(xy(LON0, 45.0).1 < 0.0 && xy(LON0, 45.0).0.abs() < 1e-9);
        // Pyongyang–Seoul is about 195 km on the ground.
        let d = ((pyongyang.0 - seoul.0).powi(2) + (pyongyang.1 - seoul.1).powi(2)).sqrt();
        assert!((185.0..205.0).contains(&d), "{d}");
    }

    #[test]
    fn scale_is_true_on_the_standard_parallels_and_areas_are_kept() {
        // One degree of longitude along 36° N is 111.19·cos 36° km.
        for lat in [LAT1, LAT2] {
            let a = xy(127.5, lat);
            let b = xy(128.5, lat);
            let along = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            let truth = EARTH_RADIUS_KM * 1f64.to_radians() * lat.to_radians().cos();
            assert!(
                (along / truth - 1.0).abs() < 1e-3,
                "{lat}: {along} vs {truth}"
            );
        }
        // Equal area: a 1°×1° cell at 34° N and at 52° N keeps its true area.
        for lat in [34.0f64, 43.0, 52.0] {
            let p = [
                xy(128.0, lat),
                xy(129.0, lat),
                xy(129.0, lat + 1.0),
                xy(128.0, lat + 1.0),
            ];
            let area = 0.5
                * (0..4)
                    .map(|i| {
                        let (a, b) = (p[i], p[(i + 1) % 4]);
                        a.0 * b.1 - b.0 * a.1
                    })
                    .sum::<f64>()
                    .abs();
            let r = EARTH_RADIUS_KM;
            let truth = r
                * r
                * 1f64.to_radians()
                * ((lat + 1.0).to_radians().sin() - lat.to_radians().sin());
            assert!(
                (area / truth - 1.0).abs() < 0.01,
                "{lat}: {area} vs {truth}"
            );
        }
    }

    #[test]
    fn nonsense_is_refused_not_panicked() {
        assert_eq!(project(f64::NAN, 40.0), None);
        assert_eq!(project(128.0, 91.0), None);
        assert!(project(-170.0, -60.0).is_some());
    }
}
