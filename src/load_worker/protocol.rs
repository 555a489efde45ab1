//! Small helpers to build and read the plain JS objects of the worker
//! protocol (see the module docs of [`crate::load_worker`]).

use borderlines_core::load::ChosenMapping;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A new empty object.
pub fn object() -> Object {
    Object::new()
}

/// Sets `key` on `obj` (a failure to set a field on a fresh object cannot
/// happen; it is ignored).
pub fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// The field `key` of `obj` (`undefined` when missing).
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The string field `key`, or "".
pub fn get_str(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

/// The number field `key`, or 0.
pub fn get_f64(obj: &JsValue, key: &str) -> f64 {
    get(obj, key).as_f64().unwrap_or(0.0)
}

/// The mappings a job carries, as JSON text (`"[]"` for none).
pub fn mappings_to_js(mappings: &[ChosenMapping]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(mappings).unwrap_or_else(|_| "[]".into()))
}

/// The mappings of a job message (none when missing or unreadable).
pub fn mappings_from_js(value: &JsValue) -> Vec<ChosenMapping> {
    value
        .as_string()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}
