//! The specification of exercise 06. Read it: the tests run your program
//! once, play its typist, and then check what happened.
//!
//! The run, as the test plays it (`never_ending_program 10 3`: ten producers,
//! three messages each, a base interval of 10 ms):
//!
//! 1. it types two lines at once, while the producers start;
//! 2. it waits until every producer message and both lines are printed;
//! 3. it keeps the input open and types nothing for 400 ms: the program
//!    must keep running, because the producer that reads the input still
//!    holds its Sender;
//! 4. it types one more line, which must be printed;
//! 5. it closes the input (as Ctrl+D does), and the program must then end
//!    by itself within 250 ms, having counted every message.
//!
//! Where the system shows a program's threads (Linux), a wait ends early
//! once every thread of the program is asleep waiting, without a time-out,
//! for a message, a join or a line of input: then only the test can change
//! what happens next. A silence needs no more than that moment, and a
//! program stuck that way after its input closed will never end, so the
//! test stops it at once.
//!
//! Only a consumer whose loop ends because every Sender is gone gets through
//! all of that: one that counts messages ends too early; one that never sees
//! the channel close never ends. One that stops after a quiet moment
//! (`recv_timeout`) is caught whatever its time-out, by the two bounds of
//! steps 3 and 5: a time-out shorter than the silence ends the program
//! during the silence, and a longer one keeps it running after the input
//! closes for longer than the silence, hence longer than the 250 ms allowed.
//! And the lines must come from the producers as they run, side by side,
//! not from a program that only prints what the test expects.

use std::collections::BTreeMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::process::{Command, ExitStatus};
use std::sync::OnceLock;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use assert_cmd::prelude::*;
use course_support::{
    Arrival, Event, Lang, LiveProgram, PATIENCE, ProgramStandstill, check, ending_in, event, fail,
    find_program, human, quote, timeline, tr,
};

/// The program under test, as cargo builds it.
const NAME: &str = "never_ending_program";
/// It starts ten producers, as in the chapter.
const PRODUCERS: u32 = 10;
/// The arguments the tests run it with.
const BASE_MS: u32 = 10;
const MESSAGES: u32 = 3;
/// How long the test keeps the input open without typing anything: the
/// program must still be running at its end.
const SILENCE: Duration = Duration::from_millis(400);
/// How long the program may take to end once its input is closed. Ending is
/// a matter of milliseconds, and 250 ms is plenty on a busy machine. It is
/// shorter than `SILENCE`, with room to spare, on purpose: a consumer that
/// stops after a quiet moment (`recv_timeout`) either stops during the
/// silence, or waits at least as long as the silence after the last line,
/// and so ends too late here.
const ENDS_WITHIN: Duration = Duration::from_millis(250);
/// A line typed at the start must come out before the producers are done,
/// when they still had at least this long to go: the producers and the
/// typist run side by side.
const SIDE_BY_SIDE: Duration = Duration::from_millis(120);
/// How often a wait looks whether the program is stuck.
const LOOK_EVERY: Duration = Duration::from_millis(5);

/// How the program's run ended.
#[derive(Clone, Copy, Debug)]
enum End {
    /// Still running (only while the run is being played).
    Running,
    /// It ended by itself, at this moment.
    Itself { at: Instant, status: ExitStatus },
    /// The test had to stop it, at this moment; `stuck` when every thread
    /// of it was waiting for something that would never come.
    Stopped { at: Instant, stuck: bool },
}

/// Everything that happened during the run.
struct Run {
    start: Instant,
    /// Why the program could not be started, if it could not.
    not_started: Option<String>,
    /// Each line the test typed, with the moment it typed it.
    typed: Vec<(String, Instant)>,
    /// Each line the program printed, with the moment the test read it.
    printed: Vec<Arrival<String>>,
    closed_input: Option<Instant>,
    end: End,
    stderr: Vec<u8>,
}

/// The command line, for the messages.
fn command_line() -> String {
    format!("{NAME} {BASE_MS} {MESSAGES}")
}

fn base_interval() -> Duration {
    Duration::from_millis(BASE_MS.into())
}

/// The run, played once and shared by all the tests.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(play)
}

/// Plays the run described at the top of this file.
fn play() -> Run {
    let mut command: Command = find_program(NAME, Command::cargo_bin);
    command.args([BASE_MS.to_string(), MESSAGES.to_string()]);
    let mut run = Run {
        start: Instant::now(),
        not_started: None,
        typed: Vec::new(),
        printed: Vec::new(),
        closed_input: None,
        end: End::Running,
        stderr: Vec::new(),
    };
    let mut program = match LiveProgram::start(command) {
        Ok(program) => program,
        Err(e) => {
            run.not_started = Some(e.to_string());
            return run;
        }
    };
    run.start = program.started();
    // A word the program cannot know in advance, so that only what the test
    // typed can print it.
    let word = format!(
        "{:04x}",
        RandomState::new().build_hasher().finish() & 0xffff
    );

    // 1 and 2.
    let early = [format!("first line {word}"), format!("second line {word}")];
    for line in &early {
        run.type_line(&mut program, line);
    }
    run.read_until(&mut program, PATIENCE, |run| {
        run.producer_lines().len() >= (PRODUCERS * MESSAGES) as usize
            && early.iter().all(|line| run.printed_line(line).is_some())
    });
    // 3.
    run.read_until(&mut program, SILENCE, |_| false);
    // 4.
    if run.running() {
        let late = format!("late line {word}");
        run.type_line(&mut program, &late);
        run.read_until(&mut program, PATIENCE, |run| {
            run.printed_line(&late).is_some()
        });
    }
    // 5.
    let mut stuck = false;
    if run.running() {
        program.close_input();
        run.closed_input = Some(Instant::now());
        stuck = run.read_until(&mut program, ENDS_WITHIN, |_| false);
    }
    if run.running() {
        program.stop();
        run.end = End::Stopped {
            at: Instant::now(),
            stuck,
        };
    }
    run.stderr = program.stderr();
    run
}

impl Run {
    fn running(&self) -> bool {
        self.not_started.is_none() && matches!(self.end, End::Running)
    }

    fn type_line(&mut self, program: &mut LiveProgram, line: &str) {
        // A program that no longer reads its input makes this fail; what
        // it printed, and when it ended, tell the story.
        let at = Instant::now();
        if program.type_line(line).is_ok() {
            self.typed.push((line.to_owned(), at));
        }
    }

    /// Reads what the program prints until `done`, for at most `limit`,
    /// until the program ends, or until it is stuck (see the top of this
    /// file); returns whether it ended stuck.
    fn read_until(
        &mut self,
        program: &mut LiveProgram,
        limit: Duration,
        done: impl Fn(&Run) -> bool,
    ) -> bool {
        let deadline = Instant::now() + limit;
        let mut standstill = ProgramStandstill::of(program);
        while self.running() && !done(self) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            match program.next_line_within(left.min(LOOK_EVERY)) {
                Ok(line) => self.printed.push(line),
                Err(RecvTimeoutError::Timeout) => {
                    if standstill.reached() {
                        return true;
                    }
                }
                // Its output closed: the program ended.
                Err(RecvTimeoutError::Disconnected) => {
                    let at = Instant::now();
                    self.end = match program.wait_within(PATIENCE) {
                        Some(status) => End::Itself { at, status },
                        None => {
                            program.stop();
                            End::Stopped { at, stuck: false }
                        }
                    };
                }
            }
        }
        false
    }

    /// The producers' lines: (producer, message number, when printed).
    fn producer_lines(&self) -> Vec<(u32, u32, Instant)> {
        self.printed
            .iter()
            .filter_map(|line| {
                let rest = line.value.strip_prefix("message from producer ")?;
                let (number, seq) = rest.split_once(", #")?;
                Some((number.parse().ok()?, seq.parse().ok()?, line.at))
            })
            .collect()
    }

    /// When the program printed the line that relays `typed`, if it did.
    fn printed_line(&self, typed: &str) -> Option<Instant> {
        self.printed
            .iter()
            .find(|line| line.value.strip_prefix("message from input: ") == Some(typed))
            .map(|line| line.at)
    }

    /// The messages the program should have received in all.
    fn expected_count(&self) -> usize {
        (PRODUCERS * MESSAGES) as usize + self.typed.len()
    }

    /// What happened, in order, for a failure message; `keep` picks the
    /// printed lines worth showing.
    fn timeline(&self, keep: impl Fn(&str) -> bool) -> String {
        let (test, program) = (tr("test", "teste"), tr("program", "programa"));
        let mut events: Vec<Event> = vec![event(
            self.start,
            test,
            tr(
                format!("started `{}`", command_line()),
                format!("iniciou `{}`", command_line()),
            ),
        )];
        for (line, at) in &self.typed {
            events.push(event(
                *at,
                test,
                tr(format!("typed {line:?}"), format!("digitou {line:?}")),
            ));
        }
        for line in self.printed.iter().filter(|line| keep(&line.value)) {
            events.push(event(
                line.at,
                program,
                tr(
                    format!("printed {:?}", line.value),
                    format!("imprimiu {:?}", line.value),
                ),
            ));
        }
        if let Some(at) = self.closed_input {
            events.push(event(at, test, tr("closed the input", "fechou a entrada")));
        }
        match self.end {
            End::Running => {}
            End::Itself { at, status } => events.push(event(
                at,
                program,
                tr(
                    format!("ended ({})", ending_in(Lang::En, status)),
                    format!("terminou ({})", ending_in(Lang::PtBr, status)),
                ),
            )),
            End::Stopped { at, .. } => events.push(event(
                at,
                test,
                tr("stopped the program", "interrompeu o programa"),
            )),
        }
        timeline(self.start, events)
    }

    /// Fails unless the program started.
    #[track_caller]
    fn check_started(&self) {
        if let Some(e) = &self.not_started {
            fail(
                format!("could not run `{}`: {e}", command_line()),
                format!("não foi possível rodar `{}`: {e}", command_line()),
            );
        }
    }

    /// Fails, saying why, if the program ended while its input was open.
    fn check_not_early(&self) {
        self.check_started();
        let End::Itself { at, status } = self.end else {
            return;
        };
        if self.closed_input.is_some_and(|closed| closed <= at) {
            return;
        }
        let crashed = if status.success() {
            (String::new(), String::new())
        } else {
            (
                format!(
                    " It ended with an error ({}); it said:\n{}",
                    ending_in(Lang::En, status),
                    quote(&self.stderr)
                ),
                format!(
                    " Ele terminou com erro ({}); ele disse:\n{}",
                    ending_in(Lang::PtBr, status),
                    quote(&self.stderr)
                ),
            )
        };
        let after = at.saturating_duration_since(self.start);
        fail(
            format!(
                "`{}` ended {} after it started, while its input was still open (the test \
                 had not closed it yet), so the producer that reads the input still held its \
                 Sender and could still send. The consumer's loop must end only when every \
                 Sender is gone: `while let Ok(message) = rx.recv()` does exactly that. Does \
                 it stop after counting messages, or after a quiet moment (recv_timeout)?{}\n{}",
                command_line(),
                human(after),
                crashed.0,
                self.timeline(|_| true)
            ),
            format!(
                "`{}` terminou {} depois de começar, enquanto a entrada ainda estava aberta (o \
                 teste ainda não a tinha fechado), então o produtor que lê a entrada ainda \
                 tinha o seu Sender e podia enviar. O laço do consumidor só deve terminar \
                 quando todos os Senders sumirem: `while let Ok(message) = rx.recv()` faz \
                 exatamente isso. Ele para depois de contar mensagens, ou depois de um \
                 momento de silêncio (recv_timeout)?{}\n{}",
                command_line(),
                human(after),
                crashed.1,
                self.timeline(|_| true)
            ),
        );
    }

    /// Fails, saying why, unless the program ended by itself, successfully,
    /// after its input was closed.
    fn check_ended_well(&self) {
        self.check_not_early();
        match self.end {
            End::Itself { status, .. } => check(
                status.success(),
                format!(
                    "`{}` failed ({}); it said:\n{}",
                    command_line(),
                    ending_in(Lang::En, status),
                    quote(&self.stderr)
                ),
                format!(
                    "`{}` falhou ({}); ele disse:\n{}",
                    command_line(),
                    ending_in(Lang::PtBr, status),
                    quote(&self.stderr)
                ),
            ),
            End::Running | End::Stopped { .. } => {
                let printed = self.producer_lines().len() + self.relayed();
                let expected = self.expected_count();
                let (all_en, all_pt) = if printed >= expected {
                    (
                        "Every message had been printed and every producer had finished, \
                         so nothing more could come, yet the consumer was still waiting. ",
                        "Todas as mensagens já tinham sido impressas e todos os produtores \
                         tinham terminado, então nada mais podia chegar, mas o consumidor \
                         continuava esperando. ",
                    )
                } else {
                    ("", "")
                };
                let stuck = matches!(self.end, End::Stopped { stuck: true, .. });
                let (how_en, how_pt) = if stuck {
                    (
                        "every thread of it was left waiting, with no time-out, for a message \
                         or a join that nothing could bring any more, so it would never end; \
                         it was stopped"
                            .to_string(),
                        "todas as threads dele ficaram esperando, sem time-out, por uma \
                         mensagem ou um join que nada mais podia trazer, então ele nunca ia \
                         terminar; foi interrompido"
                            .to_string(),
                    )
                } else {
                    (
                        format!(
                            "it did not end within {}, and was stopped",
                            human(ENDS_WITHIN)
                        ),
                        format!(
                            "ele não terminou em {}, e foi interrompido",
                            human(ENDS_WITHIN)
                        ),
                    )
                };
                // A consumer stuck in `recv` is not waiting on a time-out.
                let (late_en, late_pt) = if stuck {
                    (String::new(), String::new())
                } else {
                    (
                        format!(
                            " (A consumer that stops on a time-out, with recv_timeout, rather \
                             than on the closed channel ends late, too: it kept running through \
                             a silence of {}, so it waits at least that long after the last \
                             line.)",
                            human(SILENCE)
                        ),
                        format!(
                            " (Um consumidor que para num time-out, com recv_timeout, e não \
                             pelo canal fechado, também termina tarde: ele continuou rodando \
                             durante um silêncio de {}, então espera pelo menos isso depois da \
                             última linha.)",
                            human(SILENCE)
                        ),
                    )
                };
                fail(
                    format!(
                        "`{}` did not end after its input was closed: {how_en}. It had printed \
                         {printed} of {expected} messages. {all_en}A receiver waits while any \
                         Sender lives, even one that never sends: is the original tx still \
                         alive in main? A `drop(tx)` written after `consumer.join()` comes too \
                         late: main waits in the join and never reaches it; drop tx before the \
                         join.{late_en}\n{}",
                        command_line(),
                        self.timeline(|_| true)
                    ),
                    format!(
                        "`{}` não terminou depois que a entrada foi fechada: {how_pt}. Ele \
                         tinha impresso {printed} de {expected} mensagens. {all_pt}O receptor \
                         espera enquanto existir algum Sender, mesmo um que nunca envia: o tx \
                         original ainda está vivo na main? Um `drop(tx)` escrito depois de \
                         `consumer.join()` chega tarde demais: a main fica esperando no join e \
                         nunca chega ao drop; descarte o tx antes do join.{late_pt}\n{}",
                        command_line(),
                        self.timeline(|_| true)
                    ),
                );
            }
        }
    }

    /// How many of the typed lines the program printed.
    fn relayed(&self) -> usize {
        self.typed
            .iter()
            .filter(|(line, _)| self.printed_line(line).is_some())
            .count()
    }
}

#[test]
fn the_program_ends_once_its_input_closes() {
    run().check_ended_well();
}

#[test]
fn the_program_keeps_running_while_its_input_is_open() {
    run().check_not_early();
}

#[test]
fn every_message_is_printed_once_and_in_order() {
    let run = run();
    run.check_started();
    let mut by_producer: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (number, seq, _) in run.producer_lines() {
        by_producer.entry(number).or_default().push(seq);
    }
    let expected: Vec<u32> = (1..=MESSAGES).collect();
    for number in 1..=PRODUCERS {
        let seqs = by_producer.remove(&number).unwrap_or_default();
        let prefix = format!("message from producer {number}, #");
        check(
            seqs == expected,
            format!(
                "producer {number} should print #1 to #{MESSAGES}, once each and in order; \
                 the program printed {seqs:?} for it\n{}",
                run.timeline(|line| line.starts_with(&prefix))
            ),
            format!(
                "o produtor {number} deveria imprimir de #1 a #{MESSAGES}, uma vez cada e em \
                 ordem; o programa imprimiu {seqs:?} para ele\n{}",
                run.timeline(|line| line.starts_with(&prefix))
            ),
        );
    }
    check(
        by_producer.is_empty(),
        format!(
            "the program printed messages from producers that do not exist: {:?}",
            by_producer.keys().collect::<Vec<_>>()
        ),
        format!(
            "o programa imprimiu mensagens de produtores que não existem: {:?}",
            by_producer.keys().collect::<Vec<_>>()
        ),
    );
    for (line, _) in &run.typed {
        let times = run
            .printed
            .iter()
            .filter(|printed| printed.value.strip_prefix("message from input: ") == Some(line))
            .count();
        check(
            times == 1,
            format!(
                "the test typed {line:?}, so the program should print \"message from input: \
                 {line}\" once; it printed it {times} times. The producer that reads the input \
                 sends each line it reads into the channel, and the consumer prints what it \
                 receives\n{}",
                run.timeline(|line| line.starts_with("message from input: "))
            ),
            format!(
                "o teste digitou {line:?}, então o programa deveria imprimir \"message from \
                 input: {line}\" uma vez; imprimiu {times} vezes. O produtor que lê a entrada \
                 envia cada linha lida para o canal, e o consumidor imprime o que recebe\n{}",
                run.timeline(|line| line.starts_with("message from input: "))
            ),
        );
    }
}

#[test]
fn the_producers_and_the_typist_run_side_by_side() {
    let run = run();
    run.check_started();
    let lines = run.producer_lines();
    // A message cannot come out before its producer's pauses are over (a
    // lower bound only: a busy machine may always be slower).
    for &(number, seq, at) in &lines {
        let earliest = base_interval() * number * seq.saturating_sub(1);
        let after = at.saturating_duration_since(run.start);
        let prefix = format!("message from producer {number}, #");
        check(
            after >= earliest,
            format!(
                "producer {number}'s #{seq} was printed {} after the program started, but with \
                 a pause of {number} × {} after each of its messages it cannot come before \
                 {}: the lines must come from the producers as they run, not be printed all \
                 at once\n{}",
                human(after),
                human(base_interval()),
                human(earliest),
                run.timeline(|line| line.starts_with(&prefix))
            ),
            format!(
                "a #{seq} do produtor {number} foi impressa {} depois de o programa começar, \
                 mas com uma pausa de {number} × {} depois de cada mensagem ela não pode \
                 sair antes de {}: as linhas devem vir dos produtores enquanto eles rodam, e \
                 não ser impressas todas de uma vez\n{}",
                human(after),
                human(base_interval()),
                human(earliest),
                run.timeline(|line| line.starts_with(&prefix))
            ),
        );
    }
    // The first typed line must not wait for the producers to be done.
    let (Some((first, typed_at)), Some(last)) =
        (run.typed.first(), lines.iter().map(|line| line.2).max())
    else {
        return;
    };
    let Some(printed_at) = run.printed_line(first) else {
        return;
    };
    let producers_still_had = last.saturating_duration_since(*typed_at);
    check(
        printed_at <= last || producers_still_had < SIDE_BY_SIDE,
        format!(
            "the line typed at the start came out only after the producers' last message, \
             although the producers went on for {} after it was typed. The producers and the \
             typist should run at the same time, each on a thread of its own, all sending \
             into the one channel, so that a typed line comes out while the producers are \
             still at work\n{}",
            human(producers_still_had),
            run.timeline(|line| {
                line.starts_with("message from input: ")
                    || line.starts_with("message from producer 10,")
            })
        ),
        format!(
            "a linha digitada no início só saiu depois da última mensagem dos produtores, \
             embora eles tenham continuado por {} depois da digitação. Os produtores e o \
             digitador devem rodar ao mesmo tempo, cada um na sua própria thread, todos \
             enviando para o mesmo canal, para que uma linha digitada saia enquanto os \
             produtores ainda trabalham\n{}",
            human(producers_still_had),
            run.timeline(|line| {
                line.starts_with("message from input: ")
                    || line.starts_with("message from producer 10,")
            })
        ),
    );
}

#[test]
fn the_summary_comes_last_and_counts_every_message() {
    let run = run();
    run.check_ended_well();
    let expected = format!("received {} messages", run.expected_count());
    let last = run.printed.last().map(|line| line.value.as_str());
    check(
        last == Some(expected.as_str()),
        format!(
            "after joining the consumer, the program should print \"{expected}\" as its \
             last line (every producer's messages and every typed line count); its last \
             line was {last:?}\n{}",
            run.timeline(|line| !line.starts_with("message from producer "))
        ),
        format!(
            "depois do join do consumidor, o programa deveria imprimir \"{expected}\" na \
             última linha (contam as mensagens de todos os produtores e cada linha \
             digitada); a última linha foi {last:?}\n{}",
            run.timeline(|line| !line.starts_with("message from producer "))
        ),
    );
}
