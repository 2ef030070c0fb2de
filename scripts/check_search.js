// Checks the search matcher of templates/assets/tim-kiem.js and, given a built index, that the
// build folded every entry exactly as the browser folds a query.
// Usage: node scripts/check_search.js templates/assets/tim-kiem.js [SITE/du-lieu/tim-kiem.js]
const assert = require("assert");
const path = require("path").resolve(process.argv[2] || "/work/main/templates/assets/tim-kiem.js");
const { fold, matches } = require(path);
assert.strictEqual(typeof fold, "function");
assert.strictEqual(typeof matches, "function");

function entry(code, name, field, level, href) {
  return [code, name, field, level, href, fold([code, name, field].join(" "))];
}
const khaiSinh = entry("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Trực tuyến toàn trình", "thu-tuc/ho-tich/1.001193/index.html");
const ketHon = entry("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", "Trực tuyến một phần", "thu-tuc/ho-tich/1.000894/index.html");
const chungThuc = entry("2.000815.000.00.00.H36", "Thủ tục chứng thực bản sao từ bản chính", "Chứng thực", "", "x");

let failures = 0, count = 0;
function check(name, actual, expected) {
  count++;
  if (actual === expected) console.log("ok   " + name);
  else { failures++; console.log("FAIL " + name + ": got " + actual + ", expected " + expected); }
}
check("fold đ/Đ and tones", fold("Đăng Ký Khai Sinh"), "dang ky khai sinh");
check("fold NFC and NFD input alike", fold("Hộ tịch".normalize("NFD")), fold("Hộ tịch".normalize("NFC")));
for (const q of ["dang ky khai sinh", "đăng ký khai sinh", "Dang Ky Khai Sinh", "khai sinh dang ky",
                 "  khai   sinh ", "ĐĂNG KÝ KHAI SINH", "1.001193", "1.0011", "ho tich khai sinh"]) {
  check(`"${q}" matches khai sinh`, matches(khaiSinh, q), true);
}
check('"ket hon" does not match khai sinh', matches(khaiSinh, "ket hon"), false);
check('"ket hon" matches ket hon', matches(ketHon, "ket hon"), true);
check('"khai sinh" does not match ket hon', matches(ketHon, "khai sinh"), false);
check('"1.001193" does not match ket hon', matches(ketHon, "1.001193"), false);
check('empty query matches nothing', matches(khaiSinh, "   "), false);
check('provincial code, any case', matches(chungThuc, "2.000815.000.00.00.h36"), true);
check('"chung thuc ban sao"', matches(chungThuc, "chung thuc ban sao"), true);
check('every word must match', matches(khaiSinh, "khai sinh ket"), false);

// Optional: node search-test.js <tim-kiem.js> <built site>/du-lieu/tim-kiem.js checks the real
// index: the build folded each entry exactly as fold() folds a query, and searches find entries.
const indexPath = process.argv[3];
if (indexPath) {
  const vm = require("vm"), fs = require("fs");
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(indexPath, "utf8"), sandbox);
  const index = sandbox.window.CONGKHAI_TIM_KIEM;
  check("index defines window.CONGKHAI_TIM_KIEM as a non-empty list", Array.isArray(index) && index.length > 0, true);
  const bad = index.filter(e => e.length !== 6 || e[5] !== fold([e[0], e[1], e[2]].join(" ")));
  check("every entry's folded text equals fold(code name field) (" + index.length + " entries)", bad.length, 0);
  if (bad.length) console.log("  first mismatch:", JSON.stringify(bad[0]));
  for (const e of index) {
    if (!matches(e, e[0])) { check("code " + e[0] + " finds its own entry", false, true); break; }
    if (!matches(e, fold(e[1]))) { check("folded name of " + e[0] + " finds its entry", false, true); break; }
  }
  const ks = index.filter(e => matches(e, "dang ky khai sinh"));
  if (index.some(e => /khai sinh/i.test(e[1]))) check('"dang ky khai sinh" finds a khai sinh procedure in the index', ks.some(e => /khai sinh/i.test(e[1])), true);
}
console.log(`${count - failures}/${count} checks passed`);
process.exit(failures ? 1 : 0);
