"""The QA page's inline style and script (no external resource: the file works offline)."""

CSS = """
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0 1.5em 3em;color:#222}
h1{font-size:1.5em;margin:.6em 0 .2em}h2{font-size:1.2em;border-bottom:2px solid #888;margin-top:1.6em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.9em}
th,td{border:1px solid #bbb;padding:.2em .45em;vertical-align:top;text-align:left}
th{background:#eee}td.num{text-align:right}
#filters{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ccc;padding:.5em 0;z-index:2}
#filters label{margin-right:1.2em}
.flag{outline:3px solid #c00;background:#ffd6d6}
.flag.sev-warning{outline-color:#d90;background:#fff0c2}.flag.sev-info{outline-color:#38c;background:#ddebf7}
.flag .tag{display:block;font-size:.75em;color:#900;white-space:nowrap}
.flag.dim{outline-width:1px;background:none}
.finding{margin:.3em 0;padding:.3em .5em;border-left:5px solid #c00;background:#fff6f6;list-style:none}
.finding.sev-warning{border-color:#d90;background:#fffbea}.finding.sev-info{border-color:#38c;background:#f2f7fc}
.finding .meta{font-size:.85em;color:#555}.finding q{color:#333;background:#f3f3f3}
.doubt{color:#a50;font-weight:bold}
.hidden{display:none}
.summary{display:flex;flex-wrap:wrap;gap:2em}
.error-doc{color:#900}
"""

JS = """
(function(){
  var sel = {};
  ["severity","rule","department","year"].forEach(function(k){ sel[k] = document.getElementById("f-"+k); });
  function val(k){ return sel[k] ? sel[k].value : ""; }
  function apply(){
    var sev = val("severity"), rule = val("rule"), dept = val("department"), year = val("year");
    document.querySelectorAll("li.finding").forEach(function(li){
      var ok = (!sev || li.dataset.severity === sev) && (!rule || li.dataset.rule === rule);
      li.classList.toggle("hidden", !ok);
    });
    document.querySelectorAll("[data-rules]").forEach(function(td){
      var rules = td.dataset.rules.split(" "), sevs = td.dataset.severities.split(" ");
      var ok = (!rule || rules.indexOf(rule) >= 0) && (!sev || sevs.indexOf(sev) >= 0);
      td.classList.toggle("dim", !ok);
    });
    document.querySelectorAll("article.report").forEach(function(a){
      var ok = (!dept || a.dataset.department === dept) && (!year || a.dataset.year === year);
      if (ok && (sev || rule)) { ok = a.querySelector("li.finding:not(.hidden)") !== null; }
      a.classList.toggle("hidden", !ok);
    });
    document.querySelectorAll("section.doc").forEach(function(s){
      var any = s.querySelector("article.report:not(.hidden), ul.doc-findings li.finding:not(.hidden)");
      s.classList.toggle("hidden", (sev || rule || dept || year) ? any === null : false);
    });
  }
  Object.keys(sel).forEach(function(k){ if (sel[k]) sel[k].addEventListener("change", apply); });
  // initial filters from the address: qa.html#severity=error&rule=BUD008 (a link an auditor can share)
  location.hash.replace(/^#/, "").split("&").forEach(function(kv){
    var p = kv.split("="), k = decodeURIComponent(p[0] || ""), v = decodeURIComponent(p[1] || "");
    if (sel[k]) { sel[k].value = v; }
  });
  apply();
})();
"""
