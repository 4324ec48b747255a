/* Live order updates: server-sent events from /live (see LiveUpdates); onChange(data) for each order change. */
function shopLive(url, onChange) {
    if (!window.EventSource) {
        return null;
    }
    var source = new EventSource(url);
    source.addEventListener('order', function (e) {
        try {
            onChange(JSON.parse(e.data));
        } catch (err) {
            onChange({});
        }
    });
    source.onopen = function () {
        document.documentElement.setAttribute('data-live', 'open');
    };
    return source;
}
