//! Times the format parsers on large generated inputs (native, release):
//! `cargo run --release -p borderlines-core --example formats_timing`.

use std::time::Instant;

use borderlines_core::formats::csv::{self, Delimiter};
use borderlines_core::formats::{html, json};

fn main() {
    let paragraph = "Crews extended the fence by another stretch this week, officials said, \
                     and farmers asked how they would reach their fields after the harvest.";
    let body = format!("{paragraph}\n\n{paragraph}\n\n{paragraph}");
    let rows = 20_000;

    let mut text = String::from("title,text,date,source,url,author\n");
    for i in 0..rows {
        text.push_str(&format!(
            "\"Fence story {i}\",\"{body}\",2021-03-{:02},Wire,https://e.test/{i},\"Ana, Bo\"\n",
            i % 28 + 1
        ));
    }
    let t = Instant::now();
    let p = csv::parse(&text, Delimiter::Auto, None).expect("csv");
    println!(
        "CSV  {:>6.1} MB, {} records: {:?}",
        mb(&text),
        p.records.len(),
        t.elapsed()
    );

    let mut text = String::new();
    for i in 0..rows {
        text.push_str(&format!(
            "{{\"title\": \"Fence story {i}\", \"text\": {body:?}, \"date\": \"2021-03-01\", \"author\": {{\"name\": \"Ana\"}}}}\n"
        ));
    }
    let t = Instant::now();
    let p = json::parse(&text, None).expect("jsonl");
    println!(
        "JSONL {:>5.1} MB, {} records: {:?}",
        mb(&text),
        p.records.len(),
        t.elapsed()
    );

    let mut page =
        String::from("<html><head><title>Long page</title></head><body><nav>Home</nav><article>");
    while page.len() < 5 * 1024 * 1024 {
        page.push_str(&format!(
            "<div class=\"para\"><p>{paragraph}</p><div class=\"ad-slot\"><p>Advert</p></div></div>"
        ));
    }
    page.push_str("</article></body></html>");
    let t = Instant::now();
    let r = html::parse(&page).expect("html");
    println!(
        "HTML {:>6.1} MB, {} chars of text: {:?}",
        mb(&page),
        r.text.len(),
        t.elapsed()
    );
}

fn mb(s: &str) -> f64 {
    s.len() as f64 / 1_048_576.0
}
