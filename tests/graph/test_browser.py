"""Headless Chromium opens the HTML view from disk with the network offline and renders every node."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from graph.html import write_html
from graph.metrics import compute_metrics
from graph.views import assertion_graph

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
EVIL = '<script>window.pwned = 1</script><img src=x onerror="window.pwned=2"> href'

pytestmark = pytest.mark.browser


@pytest.fixture
def driver(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() or shutil.which("chromium")) or not Path(CHROMEDRIVER).exists():
        pytest.skip("chromium / chromedriver not installed")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900", f"--user-data-dir={tmp_path / 'profile'}",
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except Exception as exc:  # noqa: BLE001 - any start-up failure means no usable browser here
        pytest.skip(f"cannot start headless chromium: {exc}")
    try:
        drv.execute_cdp_cmd("Network.enable", {})
        drv.execute_cdp_cmd("Network.emulateNetworkConditions",
                            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        yield drv
    finally:
        drv.quit()


def _wait(drv, script: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = drv.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    return drv.execute_script(script)


def test_renders_offline(driver, tmp_path, supply_chain):
    b = supply_chain()
    b.rel("us", "regulates", "tsmc", doc="evil.txt", sentence=EVIL)
    mdg = assertion_graph(b.g)
    path = tmp_path / "graph.html"
    write_html(mdg, compute_metrics(mdg), path)
    driver.get(path.as_uri())
    assert _wait(driver, "return window.seiryokuReady === true"), driver.get_log("browser")
    canvas = driver.find_element("css selector", "#mynetwork canvas")
    assert canvas.size["width"] > 100 and canvas.size["height"] > 100
    assert driver.execute_script("return network.body.data.nodes.length") == mdg.number_of_nodes()
    assert driver.execute_script("return nodes.length") == mdg.number_of_nodes()
    # the evidence sentence is shown as text, and nothing in it ran
    tip = driver.execute_script(
        "return edges.get().filter(function (e) { return e.predicate === 'regulates'; })[0].title.textContent")
    assert EVIL in tip
    assert driver.execute_script("return window.pwned === undefined")
    # search by an alias in another script selects the node
    box = driver.find_element("id", "sy-search")
    box.send_keys("ｎｖｉｄｉａ")   # full-width: NFKC-normalized match
    assert _wait(driver, "return network.getSelectedNodes().indexOf('nvidia') >= 0")
    box.clear()
    box.send_keys("米エヌビディア")
    assert _wait(driver, "return network.getSelectedNodes().join() === 'nvidia'")
    # filter by type hides the others
    driver.execute_script("var s = document.getElementById('sy-type'); s.value = 'Country';"
                          "s.dispatchEvent(new Event('change'));")
    shown = driver.execute_script("return nodes.get({filter: function (n) { return !n.hidden; }}).length")
    assert shown == sum(1 for _, d in mdg.nodes(data=True) if d["type"] == "Country")
    driver.execute_script("document.getElementById('sy-reset').click()")
    driver.save_screenshot(str(tmp_path / "graph.png"))
    assert (tmp_path / "graph.png").stat().st_size > 1000
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
