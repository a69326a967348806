import asyncio

balance = 0


async def deposit(name, amount, arrive_at):
    global balance
    if arrive_at:
        await asyncio.sleep(arrive_at)
    # Mistake: another deposit may read `balance` while this one waits for confirmation. Whether it
    # does depends only on which of two events at the same instant the loop runs first.
    current = balance
    await asyncio.sleep(1)  # 等待银行确认（1 秒）
    balance = current + amount
    print(f'{name} 存入 {amount}，余额 {balance}')


async def main():
    await asyncio.gather(
        deposit('小明', 100, 0),
        deposit('小红', 50, 1),
    )
    print('最终余额', balance)


asyncio.run(main())
