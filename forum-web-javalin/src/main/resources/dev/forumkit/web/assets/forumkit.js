// forumkit: small improvements over the plain forms, which work without this file.
// - reacting updates counts and the author's reaction score without a reload (through the JSON API);
// - Quote puts the quoted post into the reply form at the foot of the page instead of opening the reply page;
// - files dropped on a reply form go into its file field (the form still posts them itself).
(function () {
  'use strict';
  // the forum's own pages carry the API's address on <body>; in a host's page frame, on the forum's content block
  var root = document.querySelector('[data-api]');
  var api = (root && root.getAttribute('data-api')) || '/api/v1';

  function csrfOf(form) {
    var field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function showReaction(form, result) {
    var post = document.getElementById('post-' + result.post_id);
    if (!post) { return; }
    post.querySelectorAll('.reaction-counts li').forEach(function (li) {
      var n = result.counts[li.getAttribute('data-type')] || 0;
      li.querySelector('.count').textContent = String(n);
      li.hidden = n === 0;
    });
    form.querySelectorAll('.react-button').forEach(function (b) {
      var type = b.getAttribute('data-type');
      var mine = type === result.your_reaction;
      b.setAttribute('aria-pressed', mine ? 'true' : 'false');
      b.value = mine ? 'remove' : type;
    });
    document.querySelectorAll('.reaction-score[data-member="' + result.author_id + '"]').forEach(function (dd) {
      dd.textContent = Number(result.author_reaction_score).toLocaleString('en');
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('react-form') || !window.fetch) { return; }
    var button = event.submitter;
    if (!button || !button.value) { return; }
    event.preventDefault();
    var remove = button.value === 'remove';
    var url = api + '/posts/' + form.getAttribute('data-post') + '/reaction';
    button.disabled = true;
    fetch(url, {
      method: remove ? 'DELETE' : 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfOf(form), 'Accept': 'application/json' },
      body: remove ? null : JSON.stringify({ type: button.value })
    }).then(function (response) {
      if (!response.ok) { throw new Error('status ' + response.status); }
      return response.json();
    }).then(function (body) {
      button.disabled = false;
      showReaction(form, body.reaction);
    }).catch(function () {
      // let the plain form do it (and show the forum's own error page if it fails again)
      button.disabled = false;
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'type';
      field.value = button.value;
      form.appendChild(field);
      form.submit();
    });
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.js-quote') : null;
    var box = document.getElementById('reply-body');
    if (!link || !box || !window.fetch || !window.DOMParser) { return; }
    event.preventDefault();
    fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('status ' + response.status); }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var quoted = page.getElementById('reply-body');
      if (!quoted) { throw new Error('no quote'); }
      var text = quoted.value;
      box.value = box.value.trim() ? box.value.replace(/\s*$/, '\n\n') + text : text;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
      box.scrollIntoView({ block: 'center' });
    }).catch(function () {
      window.location.href = link.href;
    });
  });

  document.querySelectorAll('form.reply-form').forEach(function (form) {
    var input = form.querySelector('input.attach-input');
    if (!input || typeof DataTransfer === 'undefined') { return; }
    form.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
        event.preventDefault();
        form.classList.add('is-dropping');
      }
    });
    form.addEventListener('dragleave', function () { form.classList.remove('is-dropping'); });
    form.addEventListener('drop', function (event) {
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) { return; }
      event.preventDefault();
      form.classList.remove('is-dropping');
      var all = new DataTransfer();
      Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
      Array.prototype.forEach.call(event.dataTransfer.files, function (f) { all.items.add(f); });
      input.files = all.files;
    });
  });
})();
