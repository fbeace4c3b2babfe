/* Tooltips for entity mentions: on hover, on keyboard focus and on a first tap.
 *
 * The article page lists its entities as chips; the body's first link to each carries its
 * description as a title. This script makes a hidden tooltip text of each (`#wa-tip-<id>`),
 * marks the chips and the body links that point to a chip's page (class `wa-mention`,
 * `aria-describedby` for screen readers) and shows the description next to the link.
 * Escape hides it; on touch screens the first tap shows it and a second tap follows the
 * link. Without JavaScript the link's title remains. */
(function () {
  "use strict";

  var tooltip = null;
  var current = null;

  function ensureTooltip() {
    if (!tooltip || !document.body.contains(tooltip)) {
      tooltip = document.createElement("div");
      tooltip.className = "wa-tooltip";
      tooltip.id = "wa-tooltip";
      tooltip.setAttribute("role", "tooltip");
      tooltip.hidden = true;
      tooltip.addEventListener("mouseleave", function (event) {
        if (event.relatedTarget !== current) hide();
      });
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  function show(link) {
    var tip = document.getElementById(link.getAttribute("data-wa-tip"));
    if (!tip) return;
    var box = ensureTooltip();
    box.textContent = tip.textContent;
    box.hidden = false;
    var rect = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
    current = link;
  }

  function hide() {
    if (tooltip) tooltip.hidden = true;
    current = null;
  }

  function enhance(link, tipId) {
    if (link.hasAttribute("data-wa-tip")) return;
    link.setAttribute("data-wa-tip", tipId);
    link.setAttribute("aria-describedby", tipId);
    link.removeAttribute("title");  // the tooltip replaces the browser's own
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", function (event) {
      if (event.relatedTarget !== tooltip) hide();
    });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hide);
    link.addEventListener("click", function (event) {
      // A tap on a touch screen first shows the description; the next tap follows the link.
      if (link.getAttribute("data-wa-touched") !== "yes" && link.__waPointer === "touch") {
        event.preventDefault();
        link.setAttribute("data-wa-touched", "yes");
        show(link);
      }
    });
    link.addEventListener("pointerdown", function (event) { link.__waPointer = event.pointerType; });
  }

  function init() {
    // A description is in the page once: as the title of the body's first link to the
    // entity (the browser's own tooltip without this script). Its chip and every link to
    // the same page get it as a tooltip text of their own (hidden, for aria-describedby).
    var tips = document.querySelector(".wa-tips");
    var chips = document.querySelectorAll(".wa-chips a.wa-chip[data-entity]");
    if (!chips.length) return;
    if (!tips) {
      tips = document.createElement("div");
      tips.className = "wa-tips";
      tips.hidden = true;
      chips[0].closest(".wa-chips").after(tips);
    }
    var described = {};
    document.querySelectorAll(".wa-body a[href][title]").forEach(function (link) {
      if (!(link.href in described)) described[link.href] = link.getAttribute("title");
    });
    var targets = {};
    chips.forEach(function (chip) {
      var name = chip.textContent.trim();
      var description = described[chip.href];
      if (!description || description === name) return;
      var id = "wa-tip-" + chip.getAttribute("data-entity");
      var tip = document.getElementById(id);
      if (!tip) {
        tip = document.createElement("span");
        tip.className = "wa-tip";
        tip.id = id;
        tip.textContent = name + ": " + description;
        tips.appendChild(tip);
      }
      targets[chip.href] = id;
      enhance(chip, id);
    });
    document.querySelectorAll(".wa-body a[href]").forEach(function (link) {
      var id = targets[link.href];
      if (id) {
        link.classList.add("wa-mention");
        enhance(link, id);
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (current && event.target !== current && event.target !== tooltip) {
      current.removeAttribute("data-wa-touched");
      hide();
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { hide(); init(); });  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
