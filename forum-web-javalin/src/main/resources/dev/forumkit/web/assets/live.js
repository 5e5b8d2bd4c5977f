// forumkit live updates: an enhancement over pages that work without it (and without JavaScript).
// A thread page hears of new replies, a board page of new threads, any page of a signed-in member of their alert
// count, over one Server-Sent Events stream. Events carry ids only: a new post is fetched as the page it is on,
// through the ordinary page (the server checks who may see it), and inserted when the reader is at the end of the
// last page; anyone reading further up gets a "N new replies" notice instead.
(function () {
  'use strict';
  if (!window.EventSource || !window.fetch || !window.DOMParser || !document.querySelector) { return; }
  var apiHolder = document.querySelector('[data-api]'); // the body, or the content block in a host's frame
  var api = (apiHolder && apiHolder.getAttribute('data-api')) || '/api/v1';
  var posts = document.querySelector('.posts[data-live]');
  var board = document.querySelector('[data-live-board]');
  var alertsLink = document.querySelector('.alerts-link');
  var url = posts ? posts.getAttribute('data-live')
    : board ? board.getAttribute('data-live-board')
    : alertsLink ? api + '/me/live' : null;
  if (!url) { return; }
  var lastPage = posts && posts.getAttribute('data-last-page') === 'yes';
  var unseen = [];
  var newThreads = 0;
  var notice = null;
  var delay = 2000;

  function nearBottom() {
    var end = posts.getBoundingClientRect().bottom;
    return end - window.innerHeight < 400;
  }

  function showNotice(text, href) {
    if (!notice) {
      notice = document.createElement('p');
      notice.className = 'notice live-notice';
      notice.setAttribute('role', 'status');
      var anchor = posts || board;
      anchor.parentNode.insertBefore(notice, anchor.nextSibling);
    }
    notice.textContent = '';
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    notice.appendChild(a);
  }

  // the notice in the page's language: the container carries "{0} new replies" for one and for several
  function counted(n) {
    var holder = posts || board;
    var text = holder.getAttribute(n === 1 ? 'data-live-one' : 'data-live-other') || String(n);
    return text.replace('{0}', String(n));
  }

  function threadBase() {
    return window.location.pathname.replace(/page-\d+$/, '');
  }

  function insert(event) {
    fetch(threadBase() + (event.page > 1 ? 'page-' + event.page : ''), {
      credentials: 'same-origin', headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('status ' + response.status); }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var post = page.getElementById('post-' + event.post_id);
      if (!post) { throw new Error('not on the page'); }
      if (!document.getElementById('post-' + event.post_id)) {
        posts.appendChild(document.importNode(post, true));
      }
    }).catch(function () {
      unseen.push(event);
      showUnseen();
    });
  }

  function showUnseen() {
    var n = unseen.length;
    showNotice(counted(n), threadBase().replace(/\/threads\/[^/]*\/$/, '')
      .replace(/\/$/, '') + '/posts/' + unseen[0].post_id + '/');
  }

  function onReply(message) {
    var event = JSON.parse(message.data);
    if (document.getElementById('post-' + event.post_id)) { return; }
    if (lastPage && unseen.length === 0 && nearBottom()) {
      insert(event);
    } else {
      unseen.push(event);
      showUnseen();
    }
  }

  function onThread() {
    newThreads++;
    showNotice(counted(newThreads), window.location.href);
  }

  function onAlerts(message) {
    if (!alertsLink) { return; }
    var n = JSON.parse(message.data).unread;
    var badge = alertsLink.querySelector('.badge-alerts');
    if (n > 0) {
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'badge badge-alerts';
        alertsLink.appendChild(document.createTextNode(' '));
        alertsLink.appendChild(badge);
      }
      badge.setAttribute('data-unread', String(n));
      badge.setAttribute('aria-label', n + ' unread');
      badge.textContent = Number(n).toLocaleString('en');
    } else if (badge) {
      badge.parentNode.removeChild(badge);
    }
  }

  function connect() {
    var source = new EventSource(url, { withCredentials: true });
    source.addEventListener('open', function () { delay = 2000; });
    source.addEventListener('reply', onReply);
    source.addEventListener('thread', onThread);
    source.addEventListener('alerts', onAlerts);
    source.onerror = function () {
      // closed by the server (idle, busy, stopping) or refused: come back later, and only while the page is shown
      source.close();
      setTimeout(reconnect, delay + Math.random() * delay);
      delay = Math.min(delay * 2, 120000);
    };
  }

  function reconnect() {
    if (document.visibilityState === 'hidden') {
      document.addEventListener('visibilitychange', function again() {
        document.removeEventListener('visibilitychange', again);
        reconnect();
      });
      return;
    }
    connect();
  }

  connect();
}());
