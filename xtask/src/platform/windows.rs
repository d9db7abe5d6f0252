//! Windows: for now the tree of a test is ended by `taskkill /T`, keys need
//! Enter, and Ctrl-C is not caught.

use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus};

pub fn init() {}

pub fn sentinel_main() {}

pub struct Tree {
    pid: u32,
}

impl Tree {
    pub fn prepare(_command: &mut Command, _memory_mib: Option<u64>) {}

    pub fn spawn(command: &mut Command) -> io::Result<(Child, Tree)> {
        let child = command.spawn()?;
        let pid = child.id();
        Ok((child, Tree { pid }))
    }

    pub fn end(&self) {
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID", &self.pid.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }

    pub fn wait_then_end(&self, child: &mut Child) -> io::Result<ExitStatus> {
        child.wait()
    }
}

pub fn sweep_orphans() {}

pub fn killed_for_memory(_status: ExitStatus) -> bool {
    false
}

pub struct RawKeys;

impl RawKeys {
    pub fn enter() -> Option<RawKeys> {
        None
    }

    pub fn leave(&self) {}
}

pub fn read_key() -> Option<u8> {
    let mut byte = [0u8; 1];
    match io::stdin().read(&mut byte) {
        Ok(1) => Some(byte[0]),
        _ => None,
    }
}
