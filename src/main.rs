fn main() {
    println!("fatiao: under construction");
}
