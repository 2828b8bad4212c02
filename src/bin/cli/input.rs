//! What the command line reads: files and standard input, each up to a
//! stated size, and a reader's population table in place of the estimate.

use std::io::Read;
use std::path::Path;

use liangshan_pop::data::counties::Region;
use liangshan_pop::i18n::Lang;
use liangshan_pop::present::upload as words;
use liangshan_pop::projection::base::BasePopulation;
use liangshan_pop::upload::{decode::NativeDecoder, Expectation, MAX_BYTES};
use liangshan_pop::Error;

use super::{Base, Failure};

/// The most a projection spec may be, in bytes (`project --input`): the
/// eighteen regions' specs of the benchmark are about 4 MB.
pub const MAX_SPEC_BYTES: u64 = 64 << 20;

/// Reads at most `limit` bytes of `r`; more is an error, so that an endless
/// pipe (`--input /dev/zero`) stops at once instead of filling memory.
pub fn bounded(r: impl Read, limit: u64, what: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    r.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Failure::Input(format!("cannot read {what}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(Failure::Input(format!("{what} is larger than {limit} bytes; nothing was read")));
    }
    Ok(bytes)
}

/// A file, or standard input without one: at most `limit` bytes.
pub fn bytes(path: Option<&Path>, limit: u64) -> Result<Vec<u8>, Failure> {
    match path {
        Some(p) => {
            let name = p.display().to_string();
            let file = std::fs::File::open(p).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            bounded(file, limit, &name)
        }
        None => bounded(std::io::stdin().lock(), limit, "standard input"),
    }
}

/// A file, or standard input without one, as UTF-8 text of at most `limit` bytes.
pub fn text(path: Option<&Path>, limit: u64) -> Result<String, Failure> {
    let bytes = bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| Failure::Input(format!("the input is not UTF-8 text (byte {})", e.utf8_error().valid_up_to())))
}

/// The base population: the estimate, or the reader's own table
/// (`--population FILE.csv`), read and checked as the page reads an
/// upload, every problem reported by line.
pub fn base(estimate: BasePopulation, b: &Base, lang: Lang) -> Result<BasePopulation, Failure> {
    let Some(path) = &b.population else { return Ok(estimate) };
    let name = path.display().to_string();
    let fail = |message: String| Failure::Core(Error::from(liangshan_pop::ErrorKind::Csv { file: name.clone(), line: 0, message }));
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let bytes = bounded(file, MAX_BYTES as u64, &name).map_err(|f| match f {
        Failure::Input(m) => fail(m),
        other => other,
    })?;
    let region = Region::Prefecture;
    let expect = Expectation { published_total: region.published_total()?, female: &estimate.female, male: &estimate.male };
    match liangshan_pop::upload::read(&bytes, &NativeDecoder, &expect) {
        Ok(r) => {
            for n in &r.notes {
                eprintln!("liangshan-pop: {name}: {}", words::note(n, region.name(), lang));
            }
            Ok(liangshan_pop::projection::upload::replace_base(&estimate, r.table.female, r.table.male))
        }
        Err(problems) => Err(fail(problems.iter().map(|p| words::problem(p, region.name(), lang)).collect::<Vec<_>>().join("\n"))),
    }
}
