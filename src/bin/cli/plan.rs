//! The commands on the plan itself: its audit, the counties' classes, and
//! the static drawings of the page.

use std::path::{Path, PathBuf};

use liangshan_pop::charts::{Spec, Theme};
use liangshan_pop::i18n::{fixed, Lang, Text};
use liangshan_pop::indicators::audit::{audit as checks_of, observations, Verdict};
use liangshan_pop::indicators::classify_counties;
use liangshan_pop::indicators::derived::derived_figures;
use liangshan_pop::present::audit::{observation, verdict, words};
use liangshan_pop::present::figures::describe;

use super::{pick, Failure, Output};

/// The audit as a table, with the observations and derived figures.
pub fn audit(o: Output) -> Result<String, Failure> {
    let lang = o.lang;
    let checks = checks_of()?;
    let said: Vec<_> = checks.iter().map(|c| words(c, lang)).collect();
    if o.json {
        return Ok(serde_json::to_string_pretty(&said).unwrap_or_default() + "\n");
    }
    let head = |zh: &'static str, en: &'static str| Text::new(zh, en).get(lang);
    let mut out = format!(
        "{:<44} {:>12} {:>14} {:>10}  {}\n",
        head("检查项", "check"),
        head("公布值", "published"),
        head("重算值", "recomputed"),
        head("差", "diff"),
        head("结论", "verdict")
    );
    for c in &said {
        out.push_str(&format!(
            "{:<44} {:>12} {:>14} {:>10}  {}\n    {}\n",
            c.id,
            c.published_text,
            fixed(c.recomputed, 4, Lang::Zh),
            format!("{:+.4}", c.difference),
            verdict(c.verdict).get(lang),
            c.claim,
        ));
    }
    let bad = checks.iter().filter(|c| c.verdict == Verdict::Disagrees).count();
    let (n, ok) = (checks.len(), checks.len() - bad);
    out.push_str(&pick(
        lang,
        format!("\n共{n}项检查：{ok}项一致，{bad}项不一致。\n"),
        format!("\n{n} checks: {ok} agree, {bad} disagree.\n"),
    ));
    out.push_str(head("\n其他发现（非算术）：\n", "\nObservations (not arithmetic):\n"));
    for o in observations().into_iter().map(|o| observation(o, lang)) {
        out.push_str(&pick(lang, format!("  - {}（{}）\n", o.text, o.source), format!("  - {} ({})\n", o.text, o.source)));
    }
    out.push_str(head("\n正文隐含但未直接公布的数字（推算）：\n", "\nFigures the text implies but does not print (derived):\n"));
    for d in derived_figures()? {
        out.push_str(&format!("  - {}\n", describe(&d, lang)));
    }
    Ok(out)
}

/// Every county by the bands of 表5's note.
pub fn classify(o: Output) -> String {
    let rows = classify_counties();
    if o.json {
        return serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n";
    }
    rows.iter()
        .map(|c| {
            format!(
                "{:<32} {:>6}‰ {:<22} {:>6}% {}\n",
                c.name.get(o.lang),
                c.cbr_2020,
                c.birth_rate_band.name.get(o.lang),
                c.share_60plus_2020,
                c.ageing_band.name.get(o.lang)
            )
        })
        .collect()
}

fn io(e: std::io::Error, path: &Path) -> Failure {
    Failure::Input(format!("{}: {e}", path.display()))
}

/// Writes `content` to `path` unless it holds it already (the build then
/// leaves the tree as it was).
fn write_if_changed(path: &Path, content: &str) -> Result<(), Failure> {
    if std::fs::read_to_string(path).ok().as_deref() != Some(content) {
        std::fs::write(path, content).map_err(|e| io(e, path))?;
    }
    Ok(())
}

/// The static fallback: charts into the pages, as SVG files, and the
/// page's static view.
pub fn prerender(
    width: f64,
    explorer_width: Option<f64>,
    out: Option<&Path>,
    lang: Lang,
    theme: Theme,
    (view, explorer_view): (Option<&Path>, Option<&Path>),
    files: &[PathBuf],
) -> Result<String, Failure> {
    use liangshan_pop::prerender::{default_charts, inline, static_view_apart};
    let charts = default_charts(&Spec::new(width, Lang::Zh))?;
    let mut report = String::new();
    for path in files {
        let html = std::fs::read_to_string(path).map_err(|e| io(e, path))?;
        let filled = inline(&html, &charts)?;
        write_if_changed(path, &filled)?;
        report.push_str(&format!("{}: {} static blocks\n", path.display(), filled.matches("<!--/static:").count()));
    }
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(|e| io(e, dir))?;
        for c in &charts {
            write_if_changed(&dir.join(format!("{}.svg", c.id)), &c.svg)?;
        }
        report.push_str(&format!("{}: {} SVG files\n", dir.display(), charts.len()));
    }
    if let Some(path) = view {
        let spec = Spec { width, lang, theme, large: false };
        let (main, drawings) = static_view_apart(&spec, explorer_width.unwrap_or(width), explorer_view.is_some())?;
        write_if_changed(path, &main)?;
        report.push_str(&format!("{}: the static view in {}, {:?}\n", path.display(), lang.code(), theme));
        if let (Some(path), Some(drawings)) = (explorer_view, drawings) {
            write_if_changed(path, &drawings)?;
            report.push_str(&format!("{}: its explorer's drawings\n", path.display()));
        }
    }
    Ok(report)
}
