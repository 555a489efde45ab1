//! The `borderlines` binary end to end: JSON schema, pretty output, errors.

use std::process::Command;

fn seed(name: &str) -> String {
    format!("{}/../../seeds/{name}.txt", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_borderlines"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn inspect_prints_versioned_json_with_documents_insights_and_claims() {
    let (code, out, err) = run(&[
        "inspect",
        &seed("000_072fe782a020354c"),
        &seed("001_a9904e2a1790e04c"),
    ]);
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(j["schema_version"], borderlines_extract::SCHEMA_VERSION);
    assert_eq!(j["documents"].as_array().unwrap().len(), 2);
    let d0 = &j["documents"][0];
    assert_eq!(d0["document"]["id"], "000_072fe782a020354c");
    assert_eq!(d0["insights"]["doc_id"], "000_072fe782a020354c");
    // Offsets resolve against the document's blocks.
    let m = &d0["insights"]["entities"][0]["mentions"][0];
    let block = d0["document"]["blocks"][m["loc"]["block"].as_u64().unwrap() as usize]["text"]
        .as_str()
        .unwrap();
    let (s, e) = (
        m["loc"]["start"].as_u64().unwrap() as usize,
        m["loc"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&block[s..e], m["text"].as_str().unwrap());
    assert_eq!(j["claims"][0]["measure"], "defector");
    assert_eq!(j["claims"][0]["agreement"], "Consistent");
    assert_eq!(j["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn unreadable_files_are_reported_and_the_rest_still_printed() {
    let dir = std::env::temp_dir().join(format!("borderlines-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "Advertisement\n\n").unwrap();
    let (code, out, err) = run(&[
        "inspect",
        "/no/such/file.txt",
        &seed("004_facdb78689669bb6"),
        empty.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("/no/such/file.txt") && err.contains("cannot read"),
        "{err}"
    );
    assert!(err.contains("no readable text"), "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(j["documents"].as_array().unwrap().len(), 1);
    assert_eq!(j["errors"].as_array().unwrap().len(), 2);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn pretty_output_and_usage_errors() {
    let (code, out, _) = run(&["inspect", "--pretty", &seed("004_facdb78689669bb6")]);
    assert_eq!(code, 0);
    for s in [
        "Kim Jong Un",
        "Daily NK",
        "around 1,500",
        "Military escalation",
        "“groundless” — North Korea",
    ] {
        assert!(out.contains(s), "{s} missing from:\n{out}");
    }
    let (code, _, err) = run(&["inspect"]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage"));
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("inspect"));
}
