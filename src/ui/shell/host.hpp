// What the screens need from the page that hosts them: the platform services (durability,
// history, downloads, printing) behind one interface, so no screen calls Emscripten.
// platform/web implements it over the browser (IDBFS syncfs, location.hash, navigator.onLine,
// Blob downloads); the native UI tests (tests/ui/) implement it in memory.
#pragma once

#include <functional>
#include <string>

namespace vsys::ui {

// A page for a print window (a claim form, an enrolment code): a whole HTML page whose <style>
// applies and whose scripts never run (the window inherits the app's Content-Security-Policy;
// platform/web/print_window.js says how). It gets a print button of its own, hidden on paper.
struct PrintPage {
    std::string html;
    std::string print_label;  // the button's text, in the user's language
    bool print_now = false;   // open the print dialog as soon as the page is drawn
};

class Host {
public:
    virtual ~Host() = default;
    // Makes every change written so far durable; calls done("") or done(error text).
    virtual void make_durable(std::function<void(const std::string& error)> done) = 0;
    // Pushes a browser history entry for the route (so Back returns to the previous screen).
    virtual void push_route(const std::string& route) = 0;
    virtual void set_page_language(const char* code) = 0;
    virtual bool online() const = 0;
    virtual double now_seconds() const = 0;
    // Offers the data as a file download (an exported bundle file).
    virtual void save_file(const std::string& name, const std::string& data) = 0;
    // Offers UTF-8 text as a download that spreadsheet software opens as UTF-8 (CSV with a BOM).
    virtual void download_text(const std::string& name, const std::string& text) = 0;
    // Offers bytes as a download with their MIME type (a report export: XLSX, CSV in CP932 or
    // UTF-8 with its BOM already in the bytes), once the changes made so far are durable.
    virtual void download_bytes(const std::string& name, const std::string& bytes, const std::string& mime) = 0;
    // Opens the page in a new window, where the browser's print dialog works as usual; false
    // when the browser refused to open a window (a pop-up blocker).
    virtual bool open_print_window(const PrintPage& page) = 0;
    // Lets the user choose a bundle file; its content arrives through import_bundle_file().
    virtual void pick_import_file() = 0;
    // Loads the page again at its home route (the kiosk's reset: no screen keeps old input).
    virtual void reload() = 0;
};

}  // namespace vsys::ui
