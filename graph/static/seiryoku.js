/* Seiryoku offline network view: tooltips, search, filters and legend (inlined by graph/html.py).
   Runs after pyvis's drawGraph(), which defines the globals `network`, `nodes` and `edges`. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("sy-config").textContent);

  function norm(s) {
    return String(s || "").normalize("NFKC").toLowerCase().replace(/[\s\u3000・·.,\-_()（）]/g, "");
  }

  function tip(html) {
    var div = document.createElement("div");
    div.className = "sy-tip";
    div.innerHTML = html;  /* built in Python from HTML-escaped text only */
    return div;
  }

  function attachTooltips() {
    nodes.update(nodes.get().filter(function (n) { return n.tooltip; })
      .map(function (n) { return { id: n.id, title: tip(n.tooltip) }; }));
    edges.update(edges.get().filter(function (e) { return e.tooltip; })
      .map(function (e) { return { id: e.id, title: tip(e.tooltip) }; }));
  }

  function fillSelect(id, entries) {
    var sel = document.getElementById(id);
    entries.forEach(function (entry) {
      var opt = document.createElement("option");
      opt.value = entry[0];
      opt.textContent = entry[1];
      sel.appendChild(opt);
    });
    sel.addEventListener("change", applyFilters);
  }

  function applyFilters() {
    var type = document.getElementById("sy-type").value;
    var country = document.getElementById("sy-country").value;
    var predicate = document.getElementById("sy-predicate").value;
    var visible = {};
    var nodeUpdates = nodes.get().map(function (n) {
      var ok = (!type || n.actor_type === type) && (!country || n.country === country);
      visible[n.id] = ok;
      return { id: n.id, hidden: !ok };
    });
    nodes.update(nodeUpdates);
    edges.update(edges.get().map(function (e) {
      var ok = (!predicate || e.predicate === predicate) && visible[e.from] && visible[e.to];
      return { id: e.id, hidden: !ok };
    }));
    updateCount();
  }

  function updateCount(matches) {
    var shown = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    var text = shown + " / " + nodes.length;
    if (matches !== undefined) { text += " \u2014 " + cfg.text.matches + ": " + matches; }
    document.getElementById("sy-count").textContent = text;
  }

  function search() {
    var q = norm(document.getElementById("sy-search").value);
    if (!q) { network.unselectAll(); updateCount(); return; }
    var hits = nodes.get({ filter: function (n) {
      if (n.hidden) { return false; }
      var keys = [n.label, n.label_en, n.id].concat(n.aliases || []);
      return keys.some(function (k) { return norm(k).indexOf(q) >= 0; });
    } }).map(function (n) { return n.id; });
    network.selectNodes(hits);
    if (hits.length) { network.fit({ nodes: hits, animation: false }); }
    updateCount(hits.length);
  }

  function legend() {
    var box = document.getElementById("sy-legend");
    function head(text) {
      var s = document.createElement("span"); s.className = "sy-head"; s.textContent = text; box.appendChild(s);
    }
    function item(cls, color, text) {
      var s = document.createElement("span"); s.className = "sy-item";
      var mark = document.createElement("span"); mark.className = cls;
      if (color) { mark.style[cls === "sy-dot" ? "background" : "borderTopColor"] = color; }
      var t = document.createElement("span"); t.textContent = text;
      s.appendChild(mark); s.appendChild(t); box.appendChild(s);
    }
    head(cfg.text.types);
    cfg.legend.types.forEach(function (e) { item("sy-dot", e[1], e[0]); });
    head(cfg.text.families);
    cfg.legend.families.forEach(function (e) { item("sy-line", e[1], e[0]); });
    item("sy-line sy-dashed", null, cfg.text.planned);
  }

  attachTooltips();
  fillSelect("sy-type", cfg.filters.types);
  fillSelect("sy-country", cfg.filters.countries);
  fillSelect("sy-predicate", cfg.filters.predicates);
  legend();
  document.getElementById("sy-search").addEventListener("input", search);
  document.getElementById("sy-reset").addEventListener("click", function () {
    ["sy-type", "sy-country", "sy-predicate"].forEach(function (id) { document.getElementById(id).value = ""; });
    document.getElementById("sy-search").value = "";
    applyFilters(); network.unselectAll(); network.fit();
  });
  updateCount();
  window.seiryokuReady = true;
})();
