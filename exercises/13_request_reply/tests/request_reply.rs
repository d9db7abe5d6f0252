//! The specification of exercise 13. Read it: each test says what your
//! service and client must do, and fails with a message that says why.
//!
//! Some tests run your service with several client threads at once. Others
//! play the service themselves, with a `Client::new` around a channel of
//! their own, to see what your client sends and how it waits (one of them
//! answers only after half a second: a client must wait as long as the
//! service is alive and holds the request). Every wait is bounded: two
//! seconds at most.
//!
//! Notes for maintainers: a client that gives up on its reply after a
//! time-out longer than the slow service's half second passes, and so does
//! a service that answers each request on a helper thread over a shared
//! map and fakes `served_by` with the service thread's id: the tests cannot
//! see which thread touched the counters, and the second takes deliberate
//! faking.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Call, Outcome, call_within, check, fail, human, is_todo, recv_by, start_call, try_join_within,
    wait_until,
};
use request_reply::{Client, Reply, Request, start_service};

/// How long any one step may take here: microseconds when it is right.
const PROMPTLY: Duration = Duration::from_secs(2);

/// Long enough for a client thread to reach its wait for the reply.
const SETTLE: Duration = Duration::from_millis(15);

/// Fails the test for learner code that panicked, `todo!()` included.
fn fail_panicked(what: &str, text: &str) -> ! {
    if is_todo(text) {
        fail(
            format!("{what}: a todo!() is still there: {text}"),
            format!("{what}: ainda há um todo!() ali: {text}"),
        );
    }
    fail(
        format!("{what} panicked: {text}"),
        format!("{what} entrou em pânico: {text}"),
    )
}

/// Starts the service (on a thread named `start_service`), which must
/// return at once.
fn start() -> (Client, JoinHandle<HashMap<String, u64>>) {
    match call_within(PROMPTLY, Some("start_service"), start_service) {
        Outcome::Returned(started) => started,
        Outcome::Panicked(text) => fail_panicked("start_service", &text),
        Outcome::StillRunning => fail(
            format!(
                "start_service had not returned after {}: it should start the service \
                 thread and return at once; the service's loop runs on that thread",
                human(PROMPTLY)
            ),
            format!(
                "start_service não tinha retornado depois de {}: ela deveria iniciar a \
                 thread do serviço e retornar na hora; o laço do serviço roda naquela \
                 thread",
                human(PROMPTLY)
            ),
        ),
    }
}

/// Every Client is gone: the service must end, and hand back its counters.
fn counters_once_every_client_is_gone(
    service: JoinHandle<HashMap<String, u64>>,
) -> HashMap<String, u64> {
    let ended = try_join_within(
        service,
        PROMPTLY,
        (
            format!(
                "every Client was dropped, yet the service thread was still running \
                 after {}. With every request Sender gone, its recv() returns Err (and \
                 `for request in rx` ends): that is when the service should stop and \
                 return its counters. Is a request Sender kept alive inside the \
                 service, or does its loop ignore the Err?",
                human(PROMPTLY)
            ),
            format!(
                "todos os Clients foram descartados, mas a thread do serviço \
                 continuava rodando depois de {}. Sem nenhum Sender de pedidos, o \
                 recv() dela devolve Err (e `for request in rx` termina): é aí que o \
                 serviço deveria parar e devolver os contadores. Algum Sender de \
                 pedidos continua vivo dentro do serviço, ou o laço ignora o Err?",
                human(PROMPTLY)
            ),
        ),
    );
    match ended {
        Ok(counters) => counters,
        Err(panicked) => fail(
            format!(
                "the service thread panicked once every Client was gone: {panicked}. When \
                 every request Sender is dropped, recv() returns Err(RecvError): that is \
                 the signal to stop, not an error to unwrap."
            ),
            format!(
                "a thread do serviço entrou em pânico quando todos os Clients se foram: \
                 {panicked}. Quando todos os Senders de pedidos são descartados, recv() \
                 devolve Err(RecvError): é o sinal para parar, não um erro para dar unwrap."
            ),
        ),
    }
}

/// Runs one request of the test's own (`ask`, on a client) on a thread of
/// its own, named `what`, waiting for the reply at most `PROMPTLY`.
fn ask_within(what: &str, ask: impl FnOnce() -> Option<Reply> + Send + 'static) -> Option<Reply> {
    match call_within(PROMPTLY, Some(what), ask) {
        Outcome::Returned(reply) => reply,
        Outcome::Panicked(text) => fail_panicked(what, &text),
        Outcome::StillRunning => fail(
            format!(
                "{what} was still waiting for its reply after {}. The client waits on the \
                 Receiver of its reply channel: does the service send on the reply Sender \
                 inside each request?",
                human(PROMPTLY)
            ),
            format!(
                "{what} continuava esperando a resposta depois de {}. O cliente espera no \
                 Receiver do seu canal de resposta: o serviço envia pelo Sender de \
                 resposta que vem dentro de cada pedido?",
                human(PROMPTLY)
            ),
        ),
    }
}

/// Checks one reply that a client received for a request about `name`.
fn check_reply(client: &str, asked: &str, reply: Option<Reply>, value: u64, service: ThreadId) {
    let Some(reply) = reply else {
        fail(
            format!(
                "client {client} asked about \"{asked}\" and got no reply (None), though \
                 the service was running: the service dropped the request, and its reply \
                 Sender with it, without sending on it. Every request gets exactly one \
                 reply, sent on the Sender inside that request."
            ),
            format!(
                "o cliente {client} perguntou sobre \"{asked}\" e não recebeu resposta \
                 (None), embora o serviço estivesse rodando: o serviço descartou o pedido, \
                 e o Sender de resposta junto, sem enviar nada por ele. Todo pedido recebe \
                 exatamente uma resposta, enviada pelo Sender que está dentro dele."
            ),
        );
    };
    check(
        reply.name == asked,
        format!(
            "client {client} asked about \"{asked}\" and got the reply meant for a request \
             about \"{}\": the replies got mixed up between clients. Give each request a \
             reply channel of its own (a new channel() in each call), never one reply \
             channel shared by every client.",
            reply.name
        ),
        format!(
            "o cliente {client} perguntou sobre \"{asked}\" e recebeu a resposta de um \
             pedido sobre \"{}\": as respostas se misturaram entre os clientes. Dê a cada \
             pedido um canal de resposta só dele (um channel() novo a cada chamada), nunca \
             um canal de respostas compartilhado por todos os clientes.",
            reply.name
        ),
    );
    check(
        reply.served_by == service,
        format!(
            "the reply to client {client} says the counter \"{asked}\" was handled by \
             thread {:?}, not by the service thread ({service:?}). The service thread \
             owns the counters and is the only one that touches them: no Arc<Mutex<..>> \
             shared with other threads, no helper thread per request.",
            reply.served_by
        ),
        format!(
            "a resposta ao cliente {client} diz que o contador \"{asked}\" foi tratado \
             pela thread {:?}, não pela thread do serviço ({service:?}). A thread do \
             serviço é dona dos contadores e é a única que mexe neles: nada de \
             Arc<Mutex<..>> compartilhado com outras threads, nem thread auxiliar por pedido.",
            reply.served_by
        ),
    );
    check(
        reply.value == value,
        format!(
            "client {client} expected the counter \"{asked}\" to be {value}, and the \
             service replied {}",
            reply.value
        ),
        format!(
            "o cliente {client} esperava que o contador \"{asked}\" valesse {value}, e o \
             serviço respondeu {}",
            reply.value
        ),
    );
}

#[test]
fn each_client_gets_the_replies_to_its_own_requests() {
    const ADDS: u64 = 20;
    let names = ["ana", "bia", "caio", "davi"];
    let (client, service) = start();
    let service_thread = service.thread().id();

    // Four clients at once, each adding 1 to its own counter, then asking
    // for it; the replies come back as they were sent.
    let clients: Vec<_> = names
        .iter()
        .map(|&name| {
            let client = client.clone();
            let done = start_call(Some(&format!("client {name}")), move || {
                let mut replies: Vec<Option<Reply>> =
                    (0..ADDS).map(|_| client.add(name, 1)).collect();
                replies.push(client.get(name));
                replies
            });
            (name, done)
        })
        .collect();
    let deadline = Instant::now() + PROMPTLY;
    for (name, done) in clients {
        let replies = match done.outcome_by(deadline) {
            Outcome::Returned(replies) => replies,
            Outcome::Panicked(text) => fail_panicked(&format!("client {name}"), &text),
            Outcome::StillRunning => fail(
                format!(
                    "client {name} was still waiting for its replies after {}. The client \
                     waits on the Receiver of its reply channel: does the service send on \
                     the reply Sender inside each request? (If the service kept the \
                     request, and its reply Sender, without answering, the client waits \
                     forever.)",
                    human(PROMPTLY)
                ),
                format!(
                    "o cliente {name} continuava esperando as suas respostas depois de {}. \
                     O cliente espera no Receiver do seu canal de resposta: o serviço envia \
                     pelo Sender de resposta que vem dentro de cada pedido? (Se o serviço \
                     guardou o pedido, e o Sender de resposta dele, sem responder, o \
                     cliente espera para sempre.)",
                    human(PROMPTLY)
                ),
            ),
        };
        for (value, reply) in (1..).zip(replies) {
            check_reply(name, name, reply, value.min(ADDS), service_thread);
        }
    }
    let asker = client.clone();
    let nobody = ask_within("get(\"nobody\")", move || asker.get("nobody"));
    check_reply("main", "nobody", nobody, 0, service_thread);

    drop(client);
    let counters = counters_once_every_client_is_gone(service);
    let expected: HashMap<String, u64> = names.iter().map(|&n| (n.to_owned(), ADDS)).collect();
    check(
        counters == expected,
        format!(
            "the service thread should end by returning its counters, {expected:?}; it \
             returned {counters:?}"
        ),
        format!(
            "a thread do serviço deveria terminar devolvendo os seus contadores, \
             {expected:?}; ela devolveu {counters:?}"
        ),
    );
}

/// Takes the request that the client running on `done` sent, playing the
/// service. `waiting` says whether another client is already waiting for
/// its reply meanwhile.
fn take_request(
    inbox: &Receiver<Request>,
    done: &mut Call<Option<Reply>>,
    waiting: bool,
) -> (String, Sender<Reply>) {
    // The wait ends as soon as the client has ended (a panic, a return)
    // without sending: the test keeps a request Sender, so the channel
    // itself never closes.
    match recv_by(inbox, Instant::now() + PROMPTLY, || !done.finished()) {
        Ok(Request::Get { name, reply }) => (name, reply),
        Ok(other) => fail(
            format!("client.get(..) sent {other:?} instead of a Request::Get"),
            format!("client.get(..) enviou {other:?} em vez de um Request::Get"),
        ),
        Err(_) => match done.panicked().map(str::to_owned) {
            Some(text) => fail_panicked("client.get(..)", &text),
            None if done.finished() => fail(
                "client.get(..) returned without sending any request: it should send a \
                 Request::Get on the client's request Sender, then wait for the reply",
                "client.get(..) retornou sem enviar nenhum pedido: ele deveria enviar um \
                 Request::Get pelo Sender de pedidos do cliente, e depois esperar a resposta",
            ),
            None if waiting => fail(
                format!(
                    "a second client sent no request within {} while the first one was \
                     waiting for its reply. Clients must be able to ask at the same time: \
                     does ask hold a lock (around a reply Receiver shared by every client?) \
                     while it waits? Give each request a reply channel of its own, and \
                     nothing needs locking.",
                    human(PROMPTLY)
                ),
                format!(
                    "um segundo cliente não enviou nenhum pedido em {} enquanto o primeiro \
                     esperava a sua resposta. Os clientes precisam poder perguntar ao mesmo \
                     tempo: ask segura um lock (em volta de um Receiver de respostas \
                     compartilhado por todos os clientes?) enquanto espera? Dê a cada pedido um \
                     canal de resposta só dele, e nada precisa de lock.",
                    human(PROMPTLY)
                ),
            ),
            None => fail(
                format!(
                    "client.get(..) sent no request within {}: it should send a \
                     Request::Get on the client's request Sender",
                    human(PROMPTLY)
                ),
                format!(
                    "client.get(..) não enviou nenhum pedido em {}: ele deveria enviar um \
                     Request::Get pelo Sender de pedidos do cliente",
                    human(PROMPTLY)
                ),
            ),
        },
    }
}

#[test]
fn a_reply_goes_to_the_client_that_asked_whatever_the_order() {
    // The test is the service here: it holds both requests, then answers
    // the second one first.
    let (requests, inbox) = channel();
    let client = Client::new(requests);
    let first_client = client.clone();
    let mut first = start_call(Some("client first"), move || first_client.get("first"));
    let (first_name, first_reply) = take_request(&inbox, &mut first, false);
    thread::sleep(SETTLE);
    let second_client = client.clone();
    let mut second = start_call(Some("client second"), move || second_client.get("second"));
    let (second_name, second_reply) = take_request(&inbox, &mut second, true);
    thread::sleep(SETTLE);

    let here = thread::current().id();
    let answer = |name: String, value: u64| Reply {
        name,
        value,
        served_by: here,
    };
    // The second request is answered first. Each answer goes on the Sender
    // that came inside its own request.
    let _ = second_reply.send(answer(second_name, 2));
    thread::sleep(SETTLE);
    let _ = first_reply.send(answer(first_name, 1));

    let deadline = Instant::now() + PROMPTLY;
    for (name, done) in [("first", first), ("second", second)] {
        match done.outcome_by(deadline) {
            Outcome::Returned(reply) => {
                let got = reply.as_ref().map(|r| r.name.as_str());
                check(
                    got == Some(name),
                    format!(
                        "two clients asked at once, \"first\" and then \"second\"; the \
                         service answered \"second\" first, each on the reply Sender of \
                         its own request. The client that asked about \"{name}\" got \
                         {reply:?}: the replies got mixed up. Give each request a reply \
                         channel of its own (a new channel() in each call), never one \
                         reply channel shared by every client."
                    ),
                    format!(
                        "dois clientes perguntaram ao mesmo tempo, \"first\" e depois \
                         \"second\"; o serviço respondeu \"second\" primeiro, cada resposta \
                         pelo Sender de resposta do seu próprio pedido. O cliente que \
                         perguntou sobre \"{name}\" recebeu {reply:?}: as respostas se \
                         misturaram. Dê a cada pedido um canal de resposta só dele (um \
                         channel() novo a cada chamada), nunca um canal de respostas \
                         compartilhado por todos os clientes."
                    ),
                );
            }
            Outcome::Panicked(text) => fail_panicked(&format!("client {name}"), &text),
            Outcome::StillRunning => fail(
                format!(
                    "the client that asked about \"{name}\" got no reply within {}, though \
                     one was sent on the reply Sender inside its request: does the client \
                     wait on the Receiver of the channel whose Sender it put in the \
                     request?",
                    human(PROMPTLY)
                ),
                format!(
                    "o cliente que perguntou sobre \"{name}\" não recebeu resposta em {}, \
                     embora uma tenha sido enviada pelo Sender de resposta dentro do pedido \
                     dele: o cliente espera no Receiver do canal cujo Sender ele pôs no \
                     pedido?",
                    human(PROMPTLY)
                ),
            ),
        }
    }
}

#[test]
fn a_client_does_not_wait_for_a_reply_that_cannot_come() {
    // A service that is gone: the request cannot even be sent.
    let (requests, inbox) = channel::<Request>();
    drop(inbox);
    let gone = Client::new(requests);
    let done = start_call(Some("client of a gone service"), move || gone.add("x", 1));
    match done.outcome_within(PROMPTLY) {
        Outcome::Returned(None) => {}
        Outcome::Returned(Some(reply)) => fail(
            format!("the service is gone, yet add(..) returned {reply:?} instead of None"),
            format!("o serviço não existe mais, mas add(..) devolveu {reply:?} em vez de None"),
        ),
        Outcome::Panicked(text) if is_todo(&text) => fail_panicked("add(..)", &text),
        Outcome::Panicked(text) => fail(
            format!(
                "the service is gone, and add(..) panicked: {text}. send returns \
                 Err(SendError(..)) when the Receiver is gone: return None then, as the \
                 doc comment says."
            ),
            format!(
                "o serviço não existe mais, e add(..) entrou em pânico: {text}. send \
                 devolve Err(SendError(..)) quando o Receiver não existe mais: devolva None \
                 nesse caso, como diz o comentário de documentação."
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "the service is gone, yet add(..) was still waiting after {}: when send \
                 fails, no reply will ever come",
                human(PROMPTLY)
            ),
            format!(
                "o serviço não existe mais, mas add(..) continuava esperando depois de {}: \
                 quando send falha, nenhuma resposta vai chegar",
                human(PROMPTLY)
            ),
        ),
    }

    // A service that takes the request and drops it unanswered: the reply
    // Sender inside it is dropped, and the client's wait must end.
    let (requests, inbox) = channel::<Request>();
    let careless = thread::spawn(move || {
        let request = inbox.recv_timeout(PROMPTLY);
        drop(request);
    });
    let client = Client::new(requests);
    let done = start_call(Some("client of a careless service"), move || {
        client.get("y")
    });
    match done.outcome_within(PROMPTLY) {
        Outcome::Returned(None) => {}
        Outcome::Returned(Some(reply)) => fail(
            format!(
                "the service dropped the request without replying, yet get(..) returned \
                 {reply:?} instead of None"
            ),
            format!(
                "o serviço descartou o pedido sem responder, mas get(..) devolveu \
                 {reply:?} em vez de None"
            ),
        ),
        Outcome::Panicked(text) if is_todo(&text) => fail_panicked("get(..)", &text),
        Outcome::Panicked(text) => fail(
            format!(
                "the service dropped the request without replying, and get(..) panicked: \
                 {text}. recv() returns Err(RecvError) once the reply Sender is gone: \
                 return None then."
            ),
            format!(
                "o serviço descartou o pedido sem responder, e get(..) entrou em pânico: \
                 {text}. recv() devolve Err(RecvError) quando o Sender de resposta se foi: \
                 devolva None nesse caso."
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "the service dropped the request, and the reply Sender inside it, without \
                 replying; yet get(..) was still waiting after {}. The reply channel stays \
                 open while any of its Senders lives: does the client keep a clone of the \
                 reply Sender for itself? Put the Sender itself in the request and keep \
                 only the Receiver.",
                human(PROMPTLY)
            ),
            format!(
                "o serviço descartou o pedido, e o Sender de resposta dentro dele, sem \
                 responder; mesmo assim get(..) continuava esperando depois de {}. O canal \
                 de resposta fica aberto enquanto algum Sender dele existir: o cliente \
                 guarda um clone do Sender de resposta para si? Ponha o próprio Sender no \
                 pedido e fique só com o Receiver.",
                human(PROMPTLY)
            ),
        ),
    }
    let _ = careless.join();
}

#[test]
fn the_service_ends_when_every_client_is_gone() {
    let (client, service) = start();
    let service_thread = service.thread().id();
    // Two clones ask, and are dropped on their threads when they are done.
    let (first, second) = (client.clone(), client.clone());
    let five = ask_within("add(\"x\", 5)", move || first.add("x", 5));
    check_reply("main", "x", five, 5, service_thread);
    let two = ask_within("add(\"x\", 2)", move || second.add("x", 2));
    check_reply("main", "x", two, 7, service_thread);
    drop(client);
    let counters = counters_once_every_client_is_gone(service);
    let expected = HashMap::from([(String::from("x"), 7)]);
    check(
        counters == expected,
        format!("the service thread should return {expected:?}; it returned {counters:?}"),
        format!("a thread do serviço deveria devolver {expected:?}; ela devolveu {counters:?}"),
    );
}

/// How long the slow service of the next test takes to answer.
const SLOW: Duration = Duration::from_millis(500);

#[test]
fn a_client_waits_for_a_slow_reply() {
    // The test is a slow service: it takes the request and answers only
    // after `SLOW`, keeping the request (and its reply Sender) meanwhile.
    let (requests, inbox) = channel();
    let client = Client::new(requests);
    let mut asking = start_call(Some("client of a slow service"), move || client.get("slow"));
    let (name, reply) = take_request(&inbox, &mut asking, false);
    let asked = Instant::now();
    // Answer after `SLOW`, unless the client has given up by then.
    let gave_up = wait_until(asked + SLOW, Duration::from_millis(2), || asking.finished());
    let _ = reply.send(Reply {
        name,
        value: 9,
        served_by: thread::current().id(),
    });
    match asking.outcome_within(PROMPTLY) {
        Outcome::Returned(Some(reply)) if !gave_up => check(
            reply.value == 9,
            format!("the slow service replied 9, and get(..) returned {reply:?}"),
            format!("o serviço lento respondeu 9, e get(..) devolveu {reply:?}"),
        ),
        Outcome::Returned(reply) => fail(
            format!(
                "get(..) returned {reply:?} after {}, before the service answered: the \
                 service was alive and still held the request, with its reply Sender, so a \
                 reply was still to come. A client waits for its reply as long as it takes: \
                 recv() on the reply Receiver returns the reply, or Err once the service has \
                 dropped the request unanswered. A time-out (recv_timeout) guesses, and gives \
                 up on a service that is only slow.",
                human(asked.elapsed().min(SLOW))
            ),
            format!(
                "get(..) devolveu {reply:?} depois de {}, antes de o serviço responder: o \
                 serviço estava vivo e ainda tinha o pedido, com o seu Sender de resposta, \
                 então uma resposta ainda ia chegar. O cliente espera a sua resposta o tempo \
                 que for preciso: recv() no Receiver de resposta devolve a resposta, ou Err \
                 quando o serviço descartou o pedido sem responder. Um time-out \
                 (recv_timeout) é um chute, e desiste de um serviço que só está lento.",
                human(asked.elapsed().min(SLOW))
            ),
        ),
        Outcome::Panicked(text) => fail_panicked("get(..)", &text),
        Outcome::StillRunning => fail(
            format!(
                "the slow service answered on the reply Sender inside the request, yet \
                 get(..) was still waiting {} later",
                human(PROMPTLY)
            ),
            format!(
                "o serviço lento respondeu pelo Sender de resposta dentro do pedido, mas \
                 get(..) continuava esperando {} depois",
                human(PROMPTLY)
            ),
        ),
    }
}
