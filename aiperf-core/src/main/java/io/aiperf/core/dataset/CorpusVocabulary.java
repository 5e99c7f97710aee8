package io.aiperf.core.dataset;

import java.util.List;

/**
 * The word lists from which {@link PromptCorpus} assembles its text. Written for this project; ordinary English
 * words plus a little non-ASCII and code-like material so that tokenizers see some variety.
 * Changing any list changes the corpus (and so every synthetic prompt): treat these lists as frozen.
 */
final class CorpusVocabulary {

    private CorpusVocabulary() {
    }

    private static List<String> words(String spaceSeparated) {
        return List.of(spaceSeparated.trim().split("\\s+"));
    }

    private static List<String> phrases(String barSeparated) {
        return List.of(barSeparated.trim().split("\\s*\\|\\s*"));
    }

    static final List<String> NOUNS = words("""
            river engine garden lantern market window ladder harbor village kitchen library mountain bridge candle
            basket blanket bottle bucket cabinet carpet castle cloud coin compass corner cottage desk doctor drawer
            farmer feather fence field forest friend hammer helmet hill island jacket journey kettle key lake letter
            machine map meadow message mirror morning needle notebook ocean orchard painter paper path pencil pocket
            question rabbit radio record ribbon road rope sailor school season shadow shelf signal station stone storm
            street student summer table teacher thread ticket tower town train tree tunnel valley wagon wall watch
            wheel whistle winter wire worker answer artist baker battery border branch camera canvas chapter circle
            clock cluster column council courtyard crystal curtain dataset engineer factory festival folder harvest
            highway instrument invoice kernel lesson meeting method model network number office package parcel
            pattern planet printer process project puzzle recipe report request sample schedule sensor server shovel
            sketch spreadsheet square stairway story surface switch system theory thermometer timer token tractor
            traveler umbrella variable vessel voice volunteer weather workshop orange pebble mailbox violin teapot
            """);

    /** Verbs as {@code base third-person past} triples. */
    static final List<String[]> VERBS = words("""
            carry,carries,carried build,builds,built measure,measures,measured open,opens,opened
            close,closes,closed follow,follows,followed gather,gathers,gathered watch,watches,watched
            paint,paints,painted repair,repairs,repaired notice,notices,noticed write,writes,wrote read,reads,read
            count,counts,counted sort,sorts,sorted send,sends,sent receive,receives,received explain,explains,explained
            describe,describes,described remember,remembers,remembered forget,forgets,forgot borrow,borrows,borrowed
            return,returns,returned lift,lifts,lifted push,pushes,pushed pull,pulls,pulled fold,folds,folded
            wrap,wraps,wrapped cross,crosses,crossed climb,climbs,climbed wander,wanders,wandered
            travel,travels,traveled visit,visits,visited cook,cooks,cooked bake,bakes,baked clean,cleans,cleaned
            plant,plants,planted collect,collects,collected deliver,delivers,delivered compare,compares,compared
            check,checks,checked test,tests,tested print,prints,printed store,stores,stored load,loads,loaded
            update,updates,updated restart,restarts,restarted compute,computes,computed predict,predicts,predicted
            estimate,estimates,estimated design,designs,designed draw,draws,drew find,finds,found keep,keeps,kept
            leave,leaves,left bring,brings,brought teach,teaches,taught learn,learns,learned choose,chooses,chose
            hold,holds,held hear,hears,heard see,sees,saw answer,answers,answered ask,asks,asked call,calls,called
            wait,waits,waited listen,listens,listened begin,begins,began finish,finishes,finished share,shares,shared
            split,splits,split join,joins,joined mix,mixes,mixed pack,packs,packed ship,ships,shipped
            label,labels,labeled trace,traces,traced tune,tunes,tuned polish,polishes,polished
            balance,balances,balanced guide,guides,guided protect,protects,protected prepare,prepares,prepared
            arrange,arranges,arranged discover,discovers,discovered observe,observes,observed
            translate,translates,translated summarize,summarizes,summarized fix,fixes,fixed replace,replaces,replaced
            """).stream().map(t -> t.split(",")).toList();

    static final List<String> ADJECTIVES = words("""
            quiet bright narrow wide heavy light careful patient curious ancient modern broken steady gentle rough
            smooth warm cold early late empty full green blue red yellow golden gray small large tiny enormous simple
            complex clever honest busy lazy brave calm noisy sharp dull soft hard fresh stale quick slow distant nearby
            hidden silent wooden metal plastic northern southern eastern western useful strange familiar ordinary rare
            common tall short clean dusty shiny faded round flat deep shallow thin thick loud pale dark young old new
            tired eager polite friendly stubborn reliable fragile sturdy digital local remote final initial random
            stable sparse dense crooked spare
            """);

    static final List<String> ADVERBS = words("""
            quickly slowly carefully quietly loudly often rarely always never sometimes almost nearly simply gently
            suddenly finally eventually certainly probably clearly easily barely politely happily calmly patiently
            briefly twice again together outside later soon yesterday today tomorrow
            """);

    static final List<String> PREPOSITIONS = words("""
            across along behind beside beneath under over near through toward around between inside past beyond
            within above below among against
            """);

    static final List<String> DETERMINERS = words("the a this that every each some another one no");

    /** Subjects that take a third-person singular verb. */
    static final List<String> PRONOUNS = words("she he it someone nobody everyone");

    /** Subjects that take the base form of a verb. */
    static final List<String> PLURAL_PRONOUNS = words("we they you I");

    static final List<String> CONJUNCTIONS = words("and but so because although while since until unless or yet");

    static final List<String> NAMES = words("""
            Ada Bruno Clara Dmitri Elena Farid Greta Hugo Ines Jonas Keiko Lena Mateo Nadia Omar Priya Quentin Rosa
            Samir Tessa Umar Vera Wen Ximena Yusuf Zoë José Søren Chloé Björn Anaïs Łukasz Renée
            """);

    static final List<String> PLACES = phrases("""
            Millbrook | Ashford Lane | Northgate | Stonebridge | Cedar Hollow | Riverside | Port Alder | Kestrel Point
            | the old quarter | the east wing | the upper valley | Harrow Street | the night market | Pine Ridge
            """);

    /** Dishes and things one can ask for, with accents. */
    static final List<String> FOODS = phrases("""
            café au lait | jalapeño | crème brûlée | smörgåsbord | piñata | crêpe | pâté | açaí bowl | soufflé
            | jamón sandwich | Käsespätzle | bánh mì
            """);

    /** Non-ASCII words in several scripts. */
    static final List<String> FOREIGN = phrases("""
            naïve | façade | résumé | déjà vu | über | niño | Ångström | Straße | 日本語 | 数据集 | 東京駅 | こんにちは
            | привет | данные | λόγος | ευχαριστώ | 안녕하세요 | مرحبا | שלום | नमस्ते
            """);

    /** Short notes with symbols. */
    static final List<String> SYMBOLS = phrases("""
            π ≈ 3.14 | ± 0.5 mm | Δt = 4 ms | α = 0.05 | x → y | € 12 | £ 7.50 | ¥ 900 | 21 °C | 3 × 4 = 12
            | 10 ÷ 4 = 2.5 | a ≠ b | n ≤ 64 | ✓ done | § 4.2 | 50 µs
            """);

    static final List<String> UNITS = words("km kg ms MB KB GB cm liters hours minutes seconds volts");
}
