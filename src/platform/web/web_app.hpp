// The browser's one App, for the exports of files other than main_web.cpp (exchange_web.cpp).
#pragma once

namespace vsys {
class App;
namespace web {
App* current_app();  // null before main() made it
}  // namespace web
}  // namespace vsys
