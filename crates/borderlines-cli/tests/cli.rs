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

/// A page as `cargo xtask dist` lays it out, reduced to what `build` touches.
const PAGE: &str = "<!doctype html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
<script type=\"application/octet-stream\" id=\"borderlines-corpus\" data-name=\"seeds\">SEEDS</script>\
<script id=\"borderlines-boot\">boot()</script>";

#[test]
fn build_writes_the_page_with_the_files_in_place_of_the_seeds() {
    let dir = std::env::temp_dir().join(format!("borderlines-cli-build-{}", std::process::id()));
    let news = dir.join("news/older");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(dir.join("page.html"), PAGE).unwrap();
    std::fs::write(
        dir.join("news/hyesan.txt"),
        "Night Crossing at Hyesan\n\nGuards saw three people cross the frozen river near Hyesan.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("gates.csv"),
        "title,text,date\n\"Gate shut\",\"The Sinuiju gate shut for the winter.\",2024-01-02\n",
    )
    .unwrap();
    std::fs::write(news.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let out = dir.join("tumen notes.html");
    let (code, stdout, err) = run(&[
        "build",
        "--page",
        dir.join("page.html").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        dir.join("news").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("2 document(s)"), "{stdout}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("SEEDS"));
    assert!(
        html.contains("data-name=\"tumen notes\">H4sI"),
        "gzip, base64"
    );
    assert!(html.ends_with("<script id=\"borderlines-boot\">boot()</script>"));
    // The snapshot in it opens, with both documents.
    let b64 = html
        .split("data-name=\"tumen notes\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    let gz = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, b64).unwrap();
    let mut snapshot = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut snapshot).unwrap();
    let engine = borderlines_engine::Engine::from_snapshot(&snapshot).unwrap();
    let mut titles: Vec<&str> = engine
        .corpus()
        .documents
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, ["Gate shut", "Night Crossing at Hyesan"]);
    // A file that is not a Borderlines page is refused, and nothing is written.
    std::fs::write(dir.join("other.html"), "<html>hi</html>").unwrap();
    let (code, _, err) = run(&[
        "build",
        "--page",
        dir.join("other.html").to_str().unwrap(),
        "-o",
        dir.join("x.html").to_str().unwrap(),
        dir.join("news/hyesan.txt").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("not a Borderlines page"), "{err}");
    assert!(!dir.join("x.html").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn tables_saved_pages_and_archives_are_read_as_the_page_reads_them() {
    let fixture = |name: &str| {
        format!(
            "{}/../borderlines-core/tests/fixtures/formats/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let (code, out, err) = run(&[
        "inspect",
        &fixture("export.zip"),
        &fixture("saved_page.mhtml"),
        &fixture("euc_kr_article.txt"),
    ]);
    // Five entries of the archive cannot be read: said, and the rest printed.
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("export.zip/export/bomb.txt: packed more than 200 to 1"),
        "{err}"
    );
    let j: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let ids: Vec<&str> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["document"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "fence",
            "towers",
            "feed.csv:2",
            "feed.csv:3",
            "saved.html:1",
            "korean",
            "saved_page.mhtml:1",
            "euc_kr_article"
        ]
    );
    assert_eq!(
        j["documents"][6]["document"]["title"],
        "Watchtowers rise on the Tumen — three new posts near Hoeryong"
    );
    assert_eq!(
        j["documents"][7]["document"]["title"],
        "압록강 국경 지역에 새 철조망 설치"
    );
    assert_eq!(j["errors"].as_array().unwrap().len(), 5);
}
