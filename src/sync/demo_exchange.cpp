// The demo deployment written onto an exchange (demo_exchange.hpp): the demo data and its history
// as signed feeds under a demo root, every key and code derived from the seed.
//
// [SECTION] Seeds, and one organisation's feed
// [SECTION] DemoWriter: the run, organisation by organisation
// [SECTION] Sealing personal data
// [SECTION] An organisation: its account, codes, device and master data
// [SECTION] Onto the exchange: files, bundles and their pointers
// [SECTION] Keys and codes from the seed, and write_demo_exchange
#include "sync/demo_exchange.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/demo/demo_history.hpp"
#include "core/directory/kinds.hpp"
#include "sync/kinds.hpp"
#include "sync/sealed_body.hpp"
#include "sync/bundle.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/directory.hpp"
#include "sync/exchange.hpp"
#include "sync/hierarchy_relations.hpp"

namespace vsys::sync {

// [SECTION] Seeds, and one organisation's feed

namespace {

Seed derive_seed(const std::string& text) {
    Seed s{};
    crypto::from_hex(crypto::blake2b_256_hex(text), s.data(), s.size());
    return s;
}

// One organisation's feed while its documents are collected.
struct Writer {
    FeedWriter feed;
    std::string author;  // the account's V-SYS ID
    std::vector<DocumentVersion> docs;
};

// [SECTION] DemoWriter: the run, organisation by organisation

class DemoWriter {
public:
    DemoWriter(const DemoData& data, const Hierarchy& tree, const DemoExchangeOptions& o, Transport& out)
        : data_(data), tree_(tree), o_(o), out_(out), rel_(tree), root_(demo_root_key(data.seed)) {
        for (const auto& a : data.accounts) accounts_.emplace(a.org, &a);
        for (const auto& s : data.sites) sites_.emplace(site_org_id(s), &s);
        for (const auto& p : data.populations) populations_.emplace("muni:" + p.code, &p);
        report_.root_key = root_.public_hex;
    }

    Result<DemoExchangeReport> run() {
        const std::string only = o_.prefecture.empty() ? std::string() : "pref:" + o_.prefecture;
        if (!only.empty() && tree_.find(only) == k_no_org)
            return Error{"demo.prefecture", "no such prefecture", {{"code", o_.prefecture}}};
        if (o_.history) {
            DemoHistoryOptions h;
            h.today = o_.today;
            h.prefecture = o_.prefecture;
            h.site_devices = o_.site_devices;
            h.seal = [](DocumentVersion& v) { return seal(v); };
            auto docs = demo_history_documents(data_, tree_, Catalog::builtin(), h);
            if (!docs) return docs.error();
            report_.history = docs->size();
            if (auto s = seal_personal_data(*docs); !s) return s.error();
            // Each version goes to the feed of the organisation that wrote it: its owner, or for
            // a proxy version the owner's municipality; a feed keeps the history's order.
            for (auto& v : *docs) {
                std::string writer = v.proxy ? rel_.parent_of(v.owner) : v.owner;
                history_[writer].push_back(std::move(v));
            }
        }
        auto selected = [&](OrgIndex i) {
            const std::string& id = tree_.id(i);
            return only.empty() || id == only || id == "federation:" + o_.prefecture || id == "support";
        };
        if (auto s = process(Hierarchy::nation(), selected); !s) return s.error();
        return report_;
    }

private:
    // [SECTION] Sealing personal data

    // Personal data (kinds registered sealed: R505's reservation lists) is encrypted to the
    // demo devices of its owner and audience and to their accounts' unclaimed codes, so a
    // browser that enrols with one of those codes reads it and nobody else who lists the
    // exchange does (core/documents/sealed_body.hpp). The entropy is derived from the seed and
    // the version's key: the same seed gives the same bytes.
    Status seal_personal_data(std::vector<DocumentVersion>& docs) {
        std::unordered_map<std::string, std::string> rehashed;  // a sealed version's old hash → new
        for (auto& v : docs) {
            const KindSpec* spec = document_kinds().find(v.kind);
            if (!spec || !spec->sealed) continue;
            if (auto r = rehashed.find(v.replaces); r != rehashed.end()) v.replaces = r->second;
            std::vector<std::string> recipients;
            std::vector<std::string> orgs = kind_audience(document_kinds(), v, rel_);
            orgs.push_back(v.owner);
            for (const auto& org : orgs) {
                Role role;
                if (!role_of_org(org, role)) continue;
                if (o_.site_devices || !(role == Role::site || role == Role::venue))
                    recipients.push_back(demo_device_key(data_.seed, org).public_hex);
                if (auto a = accounts_.find(org); a != accounts_.end())
                    for (std::uint32_t n = 1; n <= o_.codes_per_account; ++n)
                        recipients.push_back(enrolment_key(demo_code_secret(data_.seed, a->second->vsys_id, n)).public_hex);
            }
            const std::string old_hash = v.hash;
            auto sealed = seal_body(v.key(), v.body, recipients,
                                    derive_seed("vsys-demo-sealed\n" + std::to_string(data_.seed) + "\n" + v.key() +
                                                "\n" + std::to_string(v.version)));
            if (!sealed) return sealed.error();
            v.body = std::move(*sealed);
            if (auto s = seal(v); !s) return s;
            rehashed[old_hash] = v.hash;
        }
        return ok_status();
    }

    // [SECTION] An organisation: its account, codes, device and master data

    template <class Select>
    Status process(OrgIndex i, const Select& selected) {
        const std::string& org = tree_.id(i);
        if (!tree_.active(i)) return ok_status();
        const bool leaf = tree_.children(i).empty();
        const OrgLevel level = tree_.level(i);
        const bool device = o_.site_devices || !(level == OrgLevel::site || level == OrgLevel::venue);
        auto w = enrol(org, device);
        if (!w) return w.error();
        ++report_.organisations;
        if (!device) return ok_status();
        if (leaf) return flush(*w);
        managers_[org] = std::move(*w);
        for (OrgIndex c : tree_.children(i)) {
            if (i == Hierarchy::nation() && !selected(c)) continue;
            if (auto s = process(c, selected); !s) return s;
        }
        auto s = flush(managers_[org]);
        managers_.erase(org);
        return s;
    }

    Result<IssuedEnrolment> issue(const Account& a, Writer* issuer, const std::string& mgr, std::uint32_t n) {
        const CodeSecret secret = demo_code_secret(data_.seed, a.vsys_id, n);
        const UtcTime until = o_.now + o_.code_days * k_seconds_per_day;
        const UtcTime device_until = o_.now + o_.device_days * k_seconds_per_day;
        if (!issuer) {
            auto d = init_deployment(root_, a, o_.now, until, device_until, &secret);
            if (!d) return d.error();
            return std::move(d->nation_enrolment);
        }
        return issue_enrolment(rel_, issuer->feed.key, mgr, issuer->author, a, o_.now, until, device_until, &secret);
    }

    // The organisation's account and codes, written by its manager; with `device`, also its
    // publisher device, whose feed carries its master data; without, the manager publishes the
    // master data as proxy versions (代行入力) and the returned writer has no feed.
    Result<Writer> enrol(const std::string& org, bool device) {
        auto acc = accounts_.find(org);
        Role role;
        if (acc == accounts_.end() || !role_of_org(org, role))
            return Error{"account.invalid", "the demo data set has no account for this organisation", {{"field", org}}};
        const Account a{acc->second->vsys_id, acc->second->name, role_name(role), org, "active"};
        const std::string mgr = managing_org(rel_, org);
        Writer* issuer = org == "nation" ? nullptr : &managers_[mgr];
        const std::vector<Certificate> no_chain;
        const std::vector<Certificate>& issuer_chain = issuer ? issuer->feed.chain : no_chain;

        Writer w;
        std::vector<DocumentVersion> publisher_docs;
        if (device) {
            auto publisher = issue(a, issuer, mgr, 0);
            if (!publisher) return publisher.error();
            auto claimed = claim_enrolment(publisher->code, publisher->cert, issuer_chain, {},
                                           demo_device_key(data_.seed, org), o_.now);
            if (!claimed) return claimed.error();
            w = Writer{FeedWriter{org, claimed->device, claimed->chain, 0, ""}, a.vsys_id, {claimed->document}};
            publisher_docs.push_back(std::move(publisher->document));
        }
        if (!issuer && !device) return Error{"account.invalid", "the nation needs a device", {{"field", org}}};
        Writer& manager = issuer ? *issuer : w;

        auto account = account_document(rel_, a, manager.author, o_.now);
        if (!account) return account.error();
        if (auto s = seal(*account); !s) return s.error();
        manager.docs.push_back(std::move(*account));
        for (auto& d : publisher_docs) manager.docs.push_back(std::move(d));
        for (std::uint32_t n = 1; n <= o_.codes_per_account; ++n) {
            auto code = issue(a, issuer, mgr, n);
            if (!code) return code.error();
            if (auto s = put(enrolment_entry_path(code->cert.key), encode_enrolment_entry({code->cert, issuer_chain})); !s)
                return s.error();
            ++report_.lookup_files;
            manager.docs.push_back(std::move(code->document));
        }
        if (auto s = master_data(device ? w : manager, org, !device); !s) return s.error();
        if (auto h = history_.find(org); h != history_.end()) {
            Writer& into = device ? w : manager;
            for (auto& v : h->second) into.docs.push_back(std::move(v));
            history_.erase(h);
        }
        return w;
    }

    Status master_data(Writer& w, const std::string& org, bool proxy) {
        nlohmann::json body;
        std::string kind;
        if (auto s = sites_.find(org); s != sites_.end()) {
            kind = k_site_info_kind;
            body = site_to_json(*s->second);
        } else if (auto p = populations_.find(org); p != populations_.end()) {
            kind = k_population_kind;
            body = {{"schema", 1}, {"total", p->second->total}, {"eligible", p->second->eligible},
                    {"child", p->second->child}};
        } else {
            return ok_status();
        }
        DocumentVersion d;
        d.owner = org;
        d.kind = kind;
        d.id = "main";
        d.author = w.author;
        d.proxy = proxy;
        d.time = format_utc(o_.now);
        d.body = std::move(body);
        if (auto s = seal(d); !s) return s;
        w.docs.push_back(std::move(d));
        return ok_status();
    }

    // [SECTION] Onto the exchange: files, bundles and their pointers

    Status put(const std::string& path, std::string_view bytes) {
        report_.bytes += bytes.size();
        return out_.put_new(path, bytes);
    }

    // The writer's documents as bundles of about bundle_bytes each, with their pointers.
    Status flush(Writer& w) {
        std::vector<DocumentVersion> chunk;
        std::size_t size = 0;
        auto write = [&]() -> Status {
            // Addressed as the app would address it (a claim to its payers, a reservation
            // list to its site): the kinds' registered audiences.
            std::set<std::string> audience;
            for (const auto& d : chunk)
                for (auto& o : kind_audience(document_kinds(), d, rel_)) audience.insert(std::move(o));
            const std::vector<std::string> to(audience.begin(), audience.end());
            auto put = put_demo_bundle(out_, rel_, w.feed, o_.now, chunk, to);
            if (!put) return put.error();
            report_.bytes += put->bytes;
            report_.pointers += put->pointers;
            ++report_.bundles;
            report_.documents += chunk.size();
            chunk.clear();
            size = 0;
            return ok_status();
        };
        for (auto& d : w.docs) {
            auto text = canonical(to_json(d));
            if (!text) return text.error();
            if (!chunk.empty() && size + text->size() > o_.bundle_bytes)
                if (auto s = write(); !s) return s;
            size += text->size();
            chunk.push_back(std::move(d));
        }
        w.docs.clear();
        return chunk.empty() ? ok_status() : write();
    }

    const DemoData& data_;
    const Hierarchy& tree_;
    const DemoExchangeOptions& o_;
    Transport& out_;
    HierarchyRelations rel_;
    KeyPair root_;
    std::unordered_map<std::string, const DemoAccount*> accounts_;
    std::unordered_map<std::string, const Site*> sites_;
    std::unordered_map<std::string, const MunicipalityPopulation*> populations_;
    std::map<std::string, Writer> managers_;  // organisations whose subtree is being written
    std::unordered_map<std::string, std::vector<DocumentVersion>> history_;  // by writing organisation
    DemoExchangeReport report_;
};

}  // namespace

// [SECTION] Keys and codes from the seed, and write_demo_exchange

KeyPair demo_root_key(std::uint64_t seed) {
    return key_pair_from_seed(derive_seed("vsys-demo-root\n" + std::to_string(seed)));
}

KeyPair demo_device_key(std::uint64_t seed, std::string_view org) {
    return key_pair_from_seed(derive_seed("vsys-demo-device\n" + std::to_string(seed) + "\n" + std::string(org)));
}

CodeSecret demo_code_secret(std::uint64_t seed, std::string_view vsys_id, std::uint32_t n) {
    Seed full = derive_seed("vsys-demo-code\n" + std::to_string(seed) + "\n" + std::string(vsys_id) + "\n" +
                            std::to_string(n));
    CodeSecret s{};
    std::copy(full.begin(), full.begin() + s.size(), s.begin());
    return s;
}

std::string demo_enrolment_code(std::uint64_t seed, std::string_view vsys_id, std::uint32_t n) {
    return encode_enrolment_code(demo_code_secret(seed, vsys_id, n));
}

Result<PutBundle> put_demo_bundle(Transport& out, const OrgRelations& rel, FeedWriter& feed, UtcTime now,
                                  const std::vector<DocumentVersion>& docs, const std::vector<std::string>& to) {
    auto f = write_bundle(feed, now, docs, to);
    if (!f) return f.error();
    PutBundle put;
    const std::string device = device_id_of(feed.key.public_hex);
    const std::string path = feed_folder(feed.org, device) + "/" + f->name;
    if (auto s = out.put_new(path, f->bytes); !s) return s.error();
    put.bytes += f->bytes.size();
    for (const auto& folder : pointer_folders(rel, feed.org, to)) {
        if (auto s = out.put_new(folder + "/" + utc_day(now) + "/" + pointer_name(feed.org, device, f->name), path); !s)
            return s.error();
        put.bytes += path.size();
        ++put.pointers;
    }
    return put;
}

Result<DemoExchangeReport> write_demo_exchange(const DemoData& data, const Hierarchy& tree,
                                               const DemoExchangeOptions& options, Transport& out) {
    return DemoWriter(data, tree, options, out).run();
}

}  // namespace vsys::sync
