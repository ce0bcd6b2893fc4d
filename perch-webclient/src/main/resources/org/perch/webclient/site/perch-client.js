// Perch's web client: starts Converse.js with this server's settings and adds the room add-in link.
// Served with a Content-Security-Policy that forbids inline script, which is why this lives in its own file.
(() => {
  /** Room disco#info fields (XEP-0128) in which Perch names the room's add-in and its URL. */
  const ADDIN_NAME = 'perch#addin';
  const ADDIN_URL = 'perch#addin_url';

  /** The room's add-in from its disco#info, or null; only http and https URLs are ever opened. */
  async function roomAddin(api, roomJid) {
    const fields = await api.disco.getFields(roomJid);
    const value = (name) => fields?.findWhere({ var: name })?.get('value') ?? '';
    const name = value(ADDIN_NAME);
    const url = value(ADDIN_URL);
    if (!name || !url) {
      return null;
    }
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? { name, url: parsed.href } : null;
    } catch {
      return null;
    }
  }

  // Converse's full-screen footer shows its sponsors' logos from its own web site: the page's policy would block
  // them (images come from this server only), and a chat server's page is no place for them. Converse defines its
  // elements as it starts, so the footer is replaced by an empty one when it is defined (or at once, if it is).
  const footer = customElements.get('converse-footer');
  if (footer) {
    footer.prototype.render = () => '';
  } else {
    const define = customElements.define.bind(customElements);
    customElements.define = (name, element, options) => define(name, name !== 'converse-footer' ? element
      : class extends element {
        render() {
          return '';
        }
      }, options);
  }

  // Lync shows a room's add-in beside the conversation; here it is a button in the room's heading that opens the
  // add-in in a new tab (without an opener or referrer, so the add-in cannot reach back into the client).
  converse.plugins.add('perch-addins', {
    initialize() {
      const { api } = this._converse;
      api.listen.on('getHeadingButtons', async (view, buttons) => {
        if (view.model?.get('type') !== 'chatroom') {
          return buttons;
        }
        const addin = await roomAddin(api, view.model.get('jid')).catch(() => null);
        if (!addin) {
          return buttons;
        }
        return [...buttons, {
          i18n_text: `Add-in: ${addin.name}`,
          i18n_title: `Open the room's add-in ${addin.name} (${addin.url})`,
          handler: (event) => {
            event.preventDefault();
            window.open(addin.url, '_blank', 'noopener,noreferrer');
          },
          a_class: 'perch-addin',
          icon_class: 'fa-globe',
          name: 'perch-addin',
          standalone: true,
        }];
      });
    },
  });

  // A room gives each reader a download link of their own for a posted file (the file's URL with ?u=<reader>&t=<token>,
  // docs/adr/0007-file-upload.md), the sender included. Converse shows a file it posts at once with the plain URL,
  // which downloads nothing, and would not recognise the room's echo as the same message, its body being the
  // sender's link: matched by id and sender, the echo's link (and the link positions Converse renders the body
  // with) replaces the plain one.
  converse.plugins.add('perch-file-links', {
    initialize() {
      const { api } = this._converse;
      const isOwnFilePost = (room, attrs) => attrs.type === 'groupchat' && attrs.oob_url && attrs.msgid
        && attrs.nick === room.get('nick');
      api.listen.on('getDuplicateMessageQueries', (room, queries, attrs) => (isOwnFilePost(room, attrs)
        ? [...queries, { msgid: attrs.msgid, from: attrs.from }] : queries));
      api.listen.on('getUpdatedMessageAttributes', (message, changes, attrs) => {
        const room = message.chatbox;
        return room && isOwnFilePost(room, attrs) && message.get('msgid') === attrs.msgid
          ? { ...changes, body: attrs.body, message: attrs.body, oob_url: attrs.oob_url, media_urls: attrs.media_urls }
          : changes;
      });
    },
  });

  async function start() {
    const response = await fetch('/perch-config.json', { cache: 'no-store' });
    if (!response.ok) {
      throw new Error(`the server's settings could not be read: HTTP ${response.status}`);
    }
    const settings = await response.json();
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    converse.initialize({
      websocket_url: `${scheme}//${location.host}${settings.websocketPath}`,
      discover_connection_methods: false,
      view_mode: 'fullscreen',
      assets_path: settings.conversePath,
      default_domain: settings.domain,
      locked_domain: settings.domain,
      muc_domain: settings.mucDomain,
      // Converse's room-name completion asks a public search service by default; ask this server instead, so what
      // the user types stays here (Perch answers that it has no such search, and the name is used as typed).
      muc_search_service: settings.mucDomain,
      muc_nickname_from_jid: true,
      auto_register_muc_nickname: false,
      allow_registration: settings.registration,
      registration_domain: settings.domain,
      allow_bookmarks: true,
      whitelisted_plugins: ['perch-addins', 'perch-file-links'],
      // OMEMO encrypts end to end, which a persistent chat server with an archive, search and compliance capture
      // cannot keep for its readers; its library is not served.
      blacklisted_plugins: ['converse-omemo'],
      loglevel: 'warn',
    });
  }

  start().catch((error) => {
    document.body.textContent = `Perch's web client could not start: ${error.message}`;
  });
})();
